namespace Pipeline.Warehouse.Reports;

/// <summary>
/// One read-only open of a warehouse that a whole report set is read from: the scorecards and the
/// PDFs written from one source show one version of the warehouse, even when a run renames a new
/// warehouse over the path while they are written (the open connection keeps reading the file it
/// opened). <see cref="Load"/> says which version that is.
/// </summary>
public sealed class ReportSource : IDisposable
{
    private ReportSource(string warehousePath, ReportQueries queries)
    {
        WarehousePath = warehousePath;
        Queries = queries;
        Load = queries.LatestLoad();
        Context = ReportContext.Read(queries);
    }

    /// <summary>The warehouse file, as given.</summary>
    public string WarehousePath { get; }

    /// <summary>The latest run in the warehouse's meta.etl_run, read through the source's connection; null when it holds none.</summary>
    public WarehouseLoad? Load { get; }

    /// <summary>The latest load's marts.report_context (dates, reporting currency and its symbol); null when the warehouse predates that table.</summary>
    public ReportContext? Context { get; }

    /// <summary>The symbol amounts are printed with: the context's, else "$".</summary>
    public string CurrencySymbol => Context?.CurrencySymbol ?? ReportContext.DefaultCurrencySymbol;

    /// <summary>What the reports say they show: "Warehouse load 7, as of 2026-11-30".</summary>
    public string LoadLabel => WarehouseLoad.LabelOf(Load);

    internal ReportQueries Queries { get; }

    private ReportSet? _set;

    /// <summary>
    /// The report set of this source, for all the writers that use it: its company-wide figures read
    /// once, the figures of teams and reps one batch at a time (<see cref="ReportSet"/>).
    /// </summary>
    internal ReportSet Set => _set ??= ReportSet.Load(this);

    /// <summary>How many reps the set reads the figures of at a time (<see cref="ReportSet.DefaultBatchReps"/>); set before the set is first used.</summary>
    internal int BatchReps { get; set; } = ReportSet.DefaultBatchReps;

    /// <summary>Opens the warehouse read-only.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="warehousePath"/>.</exception>
    public static ReportSource Open(string warehousePath)
    {
        var queries = new ReportQueries(warehousePath);
        try
        {
            return new ReportSource(warehousePath, queries);
        }
        catch
        {
            queries.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The as-of date of the latest run: the date of every report of this source. A warehouse's
    /// figures are all as of that date (every model is computed as known at its T), so the report
    /// writers take no other date.
    /// </summary>
    /// <exception cref="ReportAsOfException">The warehouse holds no run.</exception>
    public DateOnly LatestAsOf => Load?.AsOf
        ?? throw new ReportAsOfException($"The warehouse '{WarehousePath}' has no run in meta.etl_run, so it has no as-of date and no reports: run the job first (./run-etl.sh run --input DIR --warehouse FILE).");

    /// <summary>
    /// Checks the as-of date a user asked reports for against the warehouse's: the same date (or
    /// none) is the warehouse's own, <see cref="LatestAsOf"/>; any other date is refused, since the
    /// warehouse's figures are as of its own date and reports labelled with another would mix the two.
    /// </summary>
    /// <param name="requested">The date asked for (--as-of); null for the warehouse's own.</param>
    /// <returns>The date the reports show: <see cref="LatestAsOf"/>.</returns>
    /// <exception cref="ReportAsOfException">
    /// Another date: "no deals before D" when the warehouse holds no deal created before T of D (the
    /// start of the day after D), otherwise what the warehouse is built as of and how to build one as of D.
    /// </exception>
    public DateOnly AsOfFor(DateOnly? requested)
    {
        var asOf = LatestAsOf;
        if (requested is not { } date || date == asOf)
            return asOf;
        var d = Day(date);
        var context = Context ?? throw new ReportAsOfException(
            $"the warehouse {WarehousePath} was built by an older version (it has no marts.report_context): run the ETL again. Nothing was written.");
        if (context.Deals == 0 || context.EarliestDealCreatedAt is not { } created)
            throw new ReportAsOfException(
                $"no deals before {d}: the warehouse {WarehousePath} holds no deals (it is built as of {Day(asOf)}). Nothing was written.");
        var first = DateOnly.FromDateTime(created);
        if (first > date)
            throw new ReportAsOfException(
                $"no deals before {d}: the earliest deal in the warehouse {WarehousePath} was created on {Day(first)}. Nothing was written. "
                + $"Its reports are as of {Day(asOf)}: leave out --as-of.");
        var input = Queries.LatestInput();
        throw new ReportAsOfException(
            $"the warehouse {WarehousePath} is built as of {Day(asOf)} (load {Load!.LoadId}): its figures are as of {Day(asOf)}, "
            + $"so reports as of {d} from it would show {Day(asOf)}'s figures under {d}. Nothing was written. "
            + $"To report as of {d}, build a warehouse as of {d} from the same exports{(input is null ? "" : $" (load {Load.LoadId} read {input})")}: "
            + $"./run-etl.sh run --input {(input is null ? "<exports>" : ShellWord.Quote(input))} --as-of {d} --warehouse <other file> --reports <dir> "
            + $"(a past as-of recomputes every model from the exports, as known then: docs/METRICS.md section 1). "
            + $"To report this warehouse, leave out --as-of or pass --as-of {Day(asOf)}.");
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => Queries.Dispose();
}

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

    /// <summary>The as-of date of the latest run, the reports' default date.</summary>
    /// <exception cref="InvalidOperationException">The warehouse holds no run.</exception>
    public DateOnly LatestAsOf => Load?.AsOf
        ?? throw new InvalidOperationException($"The warehouse '{WarehousePath}' has no run in meta.etl_run, so it has no as-of date: pass one, or run the ETL first.");

    public void Dispose() => Queries.Dispose();
}

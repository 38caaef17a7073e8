namespace Pipeline.Warehouse.Reports;

/// <summary>
/// What a report set shows, read through the source's connection as typed rows of the marts,
/// selected by the thin queries of sql/reports (filter, order, limit; no figure is computed here or
/// in the renderers). The company-wide part (labels, the roster, the forecast's accuracy, data
/// quality, the input files) is read once, when the set is made. The figures of teams and reps are
/// read one <see cref="ReportBatch"/> at a time: asking for a team's or a rep's figures reads the
/// batch that holds it when it is not the one held, and lets the one held go. Each kind of figure
/// of a batch is read when first asked for, by one query that reads just the batch's rows. So the
/// writers, which go through the batches in order, read every row they show once, and what the set
/// holds does not grow with the roster. The company's own figures (the executive report's) are read
/// once and kept.
/// </summary>
internal sealed partial class ReportSet
{
    public const int StalledLimit = 25;

    /// <summary>How many reps a batch holds at most (a larger team is a batch of its own).</summary>
    public const int DefaultBatchReps = 100;

    private readonly ReportQueries _queries;
    private readonly Dictionary<string, List<RosterRep>> _members;
    private readonly Dictionary<string, int> _batchOfTeam = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _batchOfRep = new(StringComparer.Ordinal);
    private readonly ScopeFigures _none;
    private ScopeFigures? _company;
    private ScopeFigures? _held;
    private int _heldIndex = -1;
    private long _rowsLetGo;
    private int _mostRowsHeld;

    private ReportSet(ReportQueries queries, string loadLabel, ReportContext context, int batchReps)
    {
        _queries = queries;
        _none = ScopeFigures.None(queries);
        LoadLabel = loadLabel;
        Context = context;
        var stages = queries.Rows("report_stages").Select(row => new StageInfo(
            row.Text("stage")!, (int)row.Long("stage_order"), row.Text("label")!, row.Bool("is_used"), row.Text("next_used_stage"))).ToList();
        Labels = new Labels(queries.Rows("report_labels").Select(row => (row.Text("kind")!, row.Text("value")!, row.Text("label")!)), stages);
        Reps = queries.Rows("report_reps").Select(row => new RosterRep(
            row.Text("rep_id")!, row.Text("rep_name") ?? string.Empty, row.Text("team") ?? string.Empty, row.Text("region") ?? string.Empty,
            row["is_active"] is bool active ? active : null, row.Long("deals"), row.Long("open_deals"), row.Decimal("open_amount") ?? 0,
            row.Bool("has_recent_deals"), row.Bool("is_inactive_with_open_deals"))).ToList();
        _members = Reps.GroupBy(rep => rep.Team, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        Teams = Reps.Select(rep => rep.Team).Where(team => team.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Batches = ReportBatch.Plan(Teams, MembersOf, MembersOf(string.Empty), batchReps);
        foreach (var batch in Batches)
        {
            foreach (var team in batch.Teams)
                _batchOfTeam[team] = batch.Index;
            foreach (var rep in batch.Reps)
                _batchOfRep[rep.RepId] = batch.Index;
        }
        Accuracy = queries.Rows("forecast_accuracy").Select(row => new AccuracyRow(
            row.Text("period_type")!, row.Text("method")!, row.Long("origins"), row.Double("wape"), row.Double("bias"),
            row.Double("within_10pct"), row.Double("interval_coverage"))).ToList();
        Quality = queries.Rows("data_quality").Select(row => new DataQuality(
            row.Long("deals"), row.Long("unknown_lead_types"), row.Long("unknown_company_sizes"), row.Long("synthesized_deals"),
            row.Long("closed_before_created"), row.Long("history_before_created"), row.Long("unknown_managers"),
            row.Long("snapshot_nights"), row.Date("first_snapshot_date"),
            row.Long("deleted_deals"), row.Long("deleted_tonight"), row.Long("inferred_deals"), row.Long("backtest_origins_before_first_snapshot"))).Single();
        RunMessage = queries.Rows("report_run_message").Select(row => row.Text("message")).SingleOrDefault();
        LoadFiles = queries.Rows("health_load_files").Select(row => new LoadFileRow(
            Path.GetFileName(row.Text("file") ?? string.Empty), row.Text("dialect"), row.Long("rows"), row.Long("loaded"), row.Long("rejected"), row.Long("duplicates"))).ToList();
        Contradictions = queries.Rows("health_contradictions", ("limit", ContradictionLimit)).Select(row => new ContradictionRow(
            row.Text("kind")!, row.Text("label")!, row.Long("kind_count"), row.Text("subject"), row.Text("detail"))).ToList();
        Attainment = new(scope => FiguresOf(scope).Attainment);
        Forecasts = new(scope => FiguresOf(scope).Forecasts);
        CumulativeWon = new(scope => FiguresOf(scope).CumulativeWon);
        TeamMedians = new(team => TeamFigures(team).TeamMedians);
        Months = new(scope => FiguresOf(scope).Months);
        Periods = new(scope => FiguresOf(scope).Periods);
        Comparisons = new(repId => RepFigures(repId).Comparisons);
        WinRates = new(scope => FiguresOf(scope).WinRates);
        Funnel = new(scope => FiguresOf(scope).Funnel);
        StageComparisons = new(repId => RepFigures(repId).StageComparisons);
        Velocity = new(scope => FiguresOf(scope).Velocity);
        Warnings = new(team => (team.Length == 0 ? Company : TeamFigures(team)).Warnings);
        PipelineByStage = new(scope => FiguresOf(scope).PipelineByStage);
        PipelineByMonth = new(scope => FiguresOf(scope).PipelineByMonth);
        Waterfall = new(scope => FiguresOf(scope).Waterfall);
    }

    /// <summary>How many contradictions of each kind the data-quality page lists (it counts them all).</summary>
    public const int ContradictionLimit = 5;

    /// <summary>"Warehouse load 7, as of 2026-11-30": the version of the warehouse every figure comes from.</summary>
    public string LoadLabel { get; }

    public ReportContext Context { get; }

    public DateOnly AsOf => Context.AsOf;

    public Labels Labels { get; }

    /// <summary>Every current rep, by team and name.</summary>
    public IReadOnlyList<RosterRep> Reps { get; }

    /// <summary>The teams that get reports: every team of a current rep, by name.</summary>
    public IReadOnlyList<string> Teams { get; }

    /// <summary>The current reps of a team, in the roster's order; the empty string: the reps without a team.</summary>
    public IReadOnlyList<RosterRep> MembersOf(string team) => _members.TryGetValue(team, out var reps) ? reps : [];

    /// <summary>The teams, in order, cut into the batches their figures are read in (then the reps without a team).</summary>
    public IReadOnlyList<ReportBatch> Batches { get; }

    public ScopedRows<ScopeKey, AttainmentRow> Attainment { get; }

    /// <summary>The rep rows of a team's attainment (marts.period_attainment), rep by rep in the query's order.</summary>
    public IEnumerable<AttainmentRow> RepAttainment(string team) =>
        TeamFigures(team).Attainment.Where(group => group.Key.Type == "rep" && group.Key.Team == team).SelectMany(group => group);

    /// <summary>The forecast of every scope for the current and the next month and quarter (marts.forecast_scopes).</summary>
    public ScopedRows<ScopeKey, ForecastRow> Forecasts { get; }

    /// <summary>The company forecast's backtest accuracy against the two baselines (marts.forecast_accuracy).</summary>
    public IReadOnlyList<AccuracyRow> Accuracy { get; }

    /// <summary>The current month and quarter's won-so-far path of the company and each team (marts.forecast_cumulative_won).</summary>
    public ScopedRows<ScopeKey, CumulativeWonRow> CumulativeWon { get; }

    /// <summary>The scope's forecast row of one period ("month" or "quarter", "current" or "next"); null when the mart has none.</summary>
    public ForecastRow? Forecast(ScopeKey scope, string periodType, string period = "current") =>
        Forecasts[scope].FirstOrDefault(row => row.PeriodType == periodType && row.Period == period);

    public ScopedRows<string, TeamMedianRow> TeamMedians { get; }

    public ScopedRows<ScopeKey, MonthRow> Months { get; }

    public ScopedRows<ScopeKey, PeriodRow> Periods { get; }

    public ScopedRows<string, ComparisonRow> Comparisons { get; }

    public ScopedRows<ScopeKey, WinRateCell> WinRates { get; }

    public ScopedRows<ScopeKey, FunnelRow> Funnel { get; }

    public ScopedRows<string, StageComparisonRow> StageComparisons { get; }

    public ScopedRows<ScopeKey, VelocityRow> Velocity { get; }

    /// <summary>The early warnings by team; the company's under the empty string.</summary>
    public ScopedRows<string, WarningRow> Warnings { get; }

    public ScopedRows<ScopeKey, PipelineStageRow> PipelineByStage { get; }

    public ScopedRows<ScopeKey, PipelineMonthRow> PipelineByMonth { get; }

    public DataQuality Quality { get; }

    /// <summary>The latest run's notes (meta.etl_run.message).</summary>
    public string? RunMessage { get; }

    public IReadOnlyList<LoadFileRow> LoadFiles { get; }

    public IReadOnlyList<ContradictionRow> Contradictions { get; }

    /// <summary>How many times a batch has been read (each writer reads each batch once).</summary>
    public int BatchesRead { get; private set; }

    /// <summary>The rows read for teams' and reps' figures so far, over every batch.</summary>
    public long BatchRowsRead => _rowsLetGo + (_held?.RowsRead ?? 0);

    /// <summary>The most rows of teams' and reps' figures held at once: one batch's.</summary>
    public int MostBatchRowsHeld => Math.Max(_mostRowsHeld, _held?.RowsRead ?? 0);

    /// <summary>The company's own figures, read when first asked for and kept.</summary>
    private ScopeFigures Company => _company ??= ScopeFigures.Company(_queries);

    private ScopeFigures FiguresOf(ScopeKey scope) => scope.Type switch
    {
        "company" => Company,
        "team" => TeamFigures(scope.Team),
        _ => RepFigures(scope.RepId),
    };

    private ScopeFigures TeamFigures(string? team) => team is not null && _batchOfTeam.TryGetValue(team, out var index) ? Batch(index) : _none;

    private ScopeFigures RepFigures(string? repId) => repId is not null && _batchOfRep.TryGetValue(repId, out var index) ? Batch(index) : _none;

    /// <summary>The figures of batch <paramref name="index"/>: the ones held, or new ones in their place (the ones held are let go).</summary>
    private ScopeFigures Batch(int index)
    {
        if (_heldIndex != index || _held is null)
        {
            if (_held is not null)
            {
                _rowsLetGo += _held.RowsRead;
                _mostRowsHeld = Math.Max(_mostRowsHeld, _held.RowsRead);
            }
            _held = ScopeFigures.Of(_queries, Batches[index]);
            _heldIndex = index;
            BatchesRead++;
        }
        return _held;
    }

    public static ReportSet Load(ReportSource source)
    {
        CheckMarts(source);
        return new(source.Queries, source.LoadLabel,
            source.Context ?? throw new WarehouseVersionException(OlderVersion(source, ["marts.report_context"])), source.BatchReps);
    }

    /// <summary>Every mart the report queries read (sql/reports) must be in the warehouse, else nothing is read.</summary>
    private static void CheckMarts(ReportSource source)
    {
        var present = source.Queries.Rows("report_tables").Select(row => row.Text("name")!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = Directory.EnumerateFiles(ReportQueries.Folder, "*.sql")
            .SelectMany(path => MartName().Matches(File.ReadAllText(path)).Select(match => match.Value))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(name => !present.Contains(name))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (missing.Count > 0)
            throw new WarehouseVersionException(OlderVersion(source, missing));
    }

    private static string OlderVersion(ReportSource source, IReadOnlyList<string> missing) =>
        $"The warehouse {source.WarehousePath} was built by an older version of Pipeline Warehouse: it has no {string.Join(", ", missing)}. "
        + "Run the job again on the night's exports to rebuild it (./run-etl.sh run --input DIR --warehouse FILE); no report was written.";

    [System.Text.RegularExpressions.GeneratedRegex(@"\bmarts\.[a-z_][a-z0-9_]*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex MartName();
}

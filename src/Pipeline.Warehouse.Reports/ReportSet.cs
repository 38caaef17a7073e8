namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Everything a report set shows, read once through the source's connection before anything is
/// drawn: typed rows of the marts, selected by the thin queries of sql/reports (filter, order,
/// limit; no figure is computed here or in the renderers). The deal lists of one file are read
/// when that file is composed, before it is drawn.
/// </summary>
internal sealed partial class ReportSet
{
    public const int StalledLimit = 25;

    private readonly ReportQueries _queries;

    private ReportSet(ReportQueries queries, string loadLabel, ReportContext context)
    {
        _queries = queries;
        LoadLabel = loadLabel;
        Context = context;
        var stages = queries.Rows("report_stages").Select(row => new StageInfo(
            row.Text("stage")!, (int)row.Long("stage_order"), row.Text("label")!, row.Bool("is_used"), row.Text("next_used_stage"))).ToList();
        Labels = new Labels(queries.Rows("report_labels").Select(row => (row.Text("kind")!, row.Text("value")!, row.Text("label")!)), stages);
        Reps = queries.Rows("report_reps").Select(row => new RosterRep(
            row.Text("rep_id")!, row.Text("rep_name") ?? string.Empty, row.Text("team") ?? string.Empty, row.Text("region") ?? string.Empty,
            row["is_active"] is bool active ? active : null, row.Long("deals"), row.Long("open_deals"), row.Decimal("open_amount") ?? 0,
            row.Bool("has_recent_deals"), row.Bool("is_inactive_with_open_deals"))).ToList();
        Attainment = queries.Rows("period_attainment").Select(row => new AttainmentRow(
            ScopeKey.From(row), row.Text("period_type")!, row.Text("period")!, row.Date("period_start")!.Value, row.Date("period_end")!.Value,
            row.Decimal("quota"), row.Decimal("won_to_date") ?? 0, row.Long("won_deals"), row.Double("attainment"), row.Decimal("gap"),
            row.Decimal("open_in_period") ?? 0, row.Long("open_in_period_deals"), row.Decimal("overdue_open") ?? 0, row.Long("overdue_deals"),
            row.Double("coverage"), row.Long("stalled_deals"), row.Long("open_deals"), row.Decimal("open_amount") ?? 0))
            .ToLookup(row => row.Scope);
        Forecasts = queries.Rows("forecast_scopes").Select(row => new ForecastRow(
            row.Date("as_of")!.Value, ScopeKey.From(row), row.Text("period_type")!, row.Text("period")!, row.Date("period_start")!.Value, row.Date("period_end")!.Value,
            row.Decimal("won_to_date") ?? 0, row.Decimal("expected_from_open"), row.Decimal("expected_from_new"), row.Decimal("expected_additional"),
            row.Decimal("forecast_total"), row.Decimal("low"), row.Decimal("high"), row.Decimal("quota"), row.Double("attainment"),
            row.Double("forecast_attainment"), row.Decimal("shortfall"), row.Decimal("gap"), row.Decimal("open_in_period") ?? 0,
            row.Decimal("overdue_open") ?? 0, row.Double("coverage"), row.Long("training_windows"),
            row.Decimal("commit_rollup"), row.Decimal("best_case_rollup")))
            .ToLookup(row => row.Scope);
        Accuracy = queries.Rows("forecast_accuracy").Select(row => new AccuracyRow(
            row.Text("period_type")!, row.Text("method")!, row.Long("origins"), row.Double("wape"), row.Double("bias"),
            row.Double("within_10pct"), row.Double("interval_coverage"))).ToList();
        CumulativeWon = queries.Rows("forecast_cumulative_won").Select(row => new CumulativeWonRow(
            row.Text("scope_type") == "team" ? ScopeKey.ForTeam(row.Text("scope")!) : ScopeKey.Company, row.Text("period_type")!,
            row.Date("period_start")!.Value, row.Date("period_end")!.Value, row.Date("day")!.Value, row.Decimal("cumulative_won") ?? 0))
            .ToLookup(row => row.Scope);
        TeamMedians = queries.Rows("team_medians").Select(row => new TeamMedianRow(
            row.Text("team")!, row.Text("period_type")!, row.Text("period")!, row.Long("reps"), row.Double("quota"), row.Double("won_to_date"),
            row.Double("attainment"), row.Double("gap"), row.Double("open_in_period"), row.Double("coverage"), row.Double("stalled_deals"),
            row.Double("overdue_deals"), row.Double("overdue_open")))
            .ToLookup(row => row.Team);
        Months = queries.Rows("scope_monthly").Select(row => new MonthRow(
            ScopeKey.From(row), row.Date("month")!.Value, row.Bool("is_complete"), row.Long("closed"), row.Long("won"), row.Long("lost"),
            row.Decimal("amount_won") ?? 0, row.Double("win_rate"), row.Double("avg_won_amount"), row.Double("cycle_days_won_sum") ?? 0,
            row.Double("median_cycle_days_won"), row.Long("new_pipeline_deals"), row.Decimal("new_pipeline_amount") ?? 0,
            row.Long("open_deals_at_cut"), row.Decimal("open_amount_at_cut") ?? 0))
            .ToLookup(row => row.Scope);
        Periods = queries.Rows("scope_periods").Select(row => new PeriodRow(
            ScopeKey.From(row), row.Text("period")!, row.Date("period_start")!.Value, row.Long("closed"), row.Long("won"),
            row.Decimal("amount_won") ?? 0, row.Double("win_rate"), row.Double("avg_won_amount"), row.Double("median_cycle_days"),
            row.Long("opportunity_closed"), row.Double("opportunity_win_rate")))
            .ToLookup(row => row.Scope);
        Comparisons = queries.Rows("rep_comparison").Select(row => new ComparisonRow(
            row.Text("rep_id")!, row.Text("period")!, row.Text("metric")!, row.Bool("higher_is_better"), row.Double("rep_value"),
            row.Long("rep_n"), row.Double("team_value"), row.Text("team_value_basis") ?? string.Empty, row.Text("verdict")!, row.Text("test") ?? string.Empty))
            .ToLookup(row => row.RepId);
        WinRates = queries.Rows("win_rate_matrix").Select(row => new WinRateCell(
            ScopeKey.From(row), row.Text("region") ?? string.Empty, row.Text("product") ?? string.Empty, row.Long("won"), row.Long("closed"), row.Double("win_rate")))
            .ToLookup(row => row.Scope);
        Funnel = queries.Rows("funnel_windows").Select(row => new FunnelRow(
            ScopeKey.From(row), row.Text("window_name")!, row.Text("stage")!, (int)row.Long("stage_order"), row.Long("exited"), row.Long("advanced"), row.Double("conversion")))
            .ToLookup(row => row.Scope);
        StageComparisons = queries.Rows("rep_stage_comparison").Select(row => new StageComparisonRow(
            row.Text("rep_id")!, row.Text("stage")!, (int)row.Long("stage_order"), row.Long("rep_exits"), row.Double("rep_conversion"),
            row.Long("peer_exits"), row.Double("peer_conversion"), row.Text("verdict")!))
            .ToLookup(row => row.RepId);
        Velocity = queries.Rows("velocity_by_scope").Select(row => new VelocityRow(
            ScopeKey.From(row), row.Text("segment_type")!, row.Text("segment_value")!, row.Text("point")!, row.Long("open_opportunities"),
            row.Double("win_rate"), row.Double("avg_won_amount"), row.Double("avg_cycle_days"), row.Double("velocity_per_day")))
            .ToLookup(row => row.Scope);
        Warnings = queries.Rows("warnings").Select(row => new WarningRow(
            row.Text("team"), row.Text("segment_type")!, row.Text("segment_value")!, row.Text("metric")!, row.Text("stage"), row.Date("month")!.Value,
            row.Long("current_n"), row.Double("current_value"), row.Long("baseline_n"), row.Double("baseline_value"), row.Text("severity")!))
            .ToLookup(row => row.Team ?? string.Empty);
        PipelineByStage = queries.Rows("open_pipeline_by_stage").Select(row => new PipelineStageRow(
            ScopeKey.From(row), row.Text("stage")!, row["stage_order"] is null ? null : (int)row.Long("stage_order"), row.Long("deals"),
            row.Decimal("amount") ?? 0, row.Long("stalled"), row.Long("overdue")))
            .ToLookup(row => row.Scope);
        PipelineByMonth = queries.Rows("open_pipeline_by_close_month").Select(row => new PipelineMonthRow(
            ScopeKey.From(row), row.Date("close_month"), row.Bool("is_overdue"), row.Long("deals"), row.Decimal("amount") ?? 0))
            .ToLookup(row => row.Scope);
        LoadWaterfall(queries);
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

    public ILookup<ScopeKey, AttainmentRow> Attainment { get; }

    /// <summary>The forecast of every scope for the current and the next month and quarter (marts.forecast_scopes).</summary>
    public ILookup<ScopeKey, ForecastRow> Forecasts { get; }

    /// <summary>The company forecast's backtest accuracy against the two baselines (marts.forecast_accuracy).</summary>
    public IReadOnlyList<AccuracyRow> Accuracy { get; }

    /// <summary>The current month and quarter's won-so-far path of the company and each team (marts.forecast_cumulative_won).</summary>
    public ILookup<ScopeKey, CumulativeWonRow> CumulativeWon { get; }

    /// <summary>The scope's forecast row of one period ("month" or "quarter", "current" or "next"); null when the mart has none.</summary>
    public ForecastRow? Forecast(ScopeKey scope, string periodType, string period = "current") =>
        Forecasts[scope].FirstOrDefault(row => row.PeriodType == periodType && row.Period == period);

    public ILookup<string, TeamMedianRow> TeamMedians { get; }

    public ILookup<ScopeKey, MonthRow> Months { get; }

    public ILookup<ScopeKey, PeriodRow> Periods { get; }

    public ILookup<string, ComparisonRow> Comparisons { get; }

    public ILookup<ScopeKey, WinRateCell> WinRates { get; }

    public ILookup<ScopeKey, FunnelRow> Funnel { get; }

    public ILookup<string, StageComparisonRow> StageComparisons { get; }

    public ILookup<ScopeKey, VelocityRow> Velocity { get; }

    /// <summary>The early warnings by team; the company's under the empty string.</summary>
    public ILookup<string, WarningRow> Warnings { get; }

    public ILookup<ScopeKey, PipelineStageRow> PipelineByStage { get; }

    public ILookup<ScopeKey, PipelineMonthRow> PipelineByMonth { get; }

    public DataQuality Quality { get; }

    /// <summary>The latest run's notes (meta.etl_run.message).</summary>
    public string? RunMessage { get; }

    public IReadOnlyList<LoadFileRow> LoadFiles { get; }

    public IReadOnlyList<ContradictionRow> Contradictions { get; }

    /// <summary>The teams that get reports: every team of a current rep, by name.</summary>
    public IReadOnlyList<string> Teams => Reps.Select(rep => rep.Team).Where(team => team.Length > 0)
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static ReportSet Load(ReportSource source)
    {
        CheckMarts(source);
        return new(source.Queries, source.LoadLabel,
            source.Context ?? throw new WarehouseVersionException(OlderVersion(source, ["marts.report_context"])));
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

    /// <summary>Open deals of a rep or a team (null: any), stalled ones only when asked, largest first.</summary>
    public IReadOnlyList<OpenDealRow> OpenDeals(string? repId = null, string? team = null, bool stalledOnly = false, int limit = int.MaxValue) =>
        _queries.Rows("open_deals", ("rep_id", repId ?? string.Empty), ("team", team ?? string.Empty), ("stalled", stalledOnly), ("limit", (long)limit))
            .Select(row => new OpenDealRow(
                row.Text("deal_id")!, row.Text("deal_name"), row.Text("account_name"), row.Text("rep_name"), row.Text("team"),
                row.Text("stage")!, row.Double("days_in_stage"), row.Decimal("amount"), row.Date("expected_close_date"),
                row.Bool("is_stalled"), row.Bool("is_overdue"), row.Text("lead_type"))).ToList();

    /// <summary>How many of a rep's open deals the "Deals that matter" sheet lists per period.</summary>
    public const int DealsThatMatterLimit = 15;

    /// <summary>A rep's open deals with their chance and expected amount in the current month and quarter, most expected first (marts.forecast_deals).</summary>
    public IReadOnlyList<ForecastDealRow> ForecastDeals(string repId, int limit = DealsThatMatterLimit) =>
        _queries.Rows("forecast_deals", ("rep_id", repId), ("limit", (long)limit)).Select(row => new ForecastDealRow(
            row.Text("period_type")!, row.Date("period_start")!.Value, row.Text("deal_id")!, row.Text("deal_name"), row.Text("stage")!,
            row.Decimal("amount"), row.Date("expected_close_date"), row.Bool("is_overdue"), row.Bool("is_in_period"),
            row.Double("win_probability"), row.Decimal("expected_amount"), row.Long("rank_in_rep"))).ToList();

    /// <summary>A rep's deals won or lost in the trailing 12 months, latest first.</summary>
    public IReadOnlyList<ClosedDealRow> ClosedDeals(string repId) =>
        _queries.Rows("rep_closed_deals", ("rep_id", repId)).Select(row => new ClosedDealRow(
            row.Text("deal_id")!, row.Text("deal_name"), row.Text("account_name"), row.Text("status")!, row.Date("closed_on"),
            row.Decimal("amount"), row.Double("cycle_days"), row.Text("lead_type"), row.Text("loss_reason"))).ToList();
}

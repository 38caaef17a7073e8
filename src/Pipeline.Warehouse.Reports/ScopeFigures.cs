namespace Pipeline.Warehouse.Reports;

/// <summary>
/// The figures of some scopes: the company's (the executive report's), or those of one
/// <see cref="ReportBatch"/> (its teams and their reps). Each kind is read the first time it is
/// asked for, by its thin query of sql/reports with the scopes as parameters, so the query reads
/// just these scopes' rows; then it is kept as long as these figures are.
/// </summary>
internal sealed partial class ScopeFigures
{
    private readonly ReportQueries _queries;
    private readonly (string Name, object? Value)[] _scopes;
    private readonly bool _none;
    private readonly Dictionary<string, object> _read = new(StringComparer.Ordinal);

    private ScopeFigures(ReportQueries queries, bool company, IReadOnlyList<string> teams, IReadOnlyList<string> reps)
    {
        _queries = queries;
        _scopes = [("company", company), ("teams", teams.ToList()), ("reps", reps.ToList())];
        _none = !company && teams.Count == 0 && reps.Count == 0;
    }

    /// <summary>The company's figures (no team's, no rep's).</summary>
    public static ScopeFigures Company(ReportQueries queries) => new(queries, company: true, [], []);

    /// <summary>The figures of a batch's teams and reps.</summary>
    public static ScopeFigures Of(ReportQueries queries, ReportBatch batch) =>
        new(queries, company: false, batch.Teams, batch.Reps.Select(rep => rep.RepId).ToList());

    /// <summary>The figures of no scope (a team or rep the roster does not know): every kind empty, nothing read.</summary>
    public static ScopeFigures None(ReportQueries queries) => new(queries, company: false, [], []);

    /// <summary>How many rows the queries of these figures have read so far.</summary>
    public int RowsRead { get; private set; }

    public ILookup<ScopeKey, AttainmentRow> Attainment => Lookup("period_attainment", row => new AttainmentRow(
        ScopeKey.From(row), row.Text("period_type")!, row.Text("period")!, row.Date("period_start")!.Value, row.Date("period_end")!.Value,
        row.Decimal("quota"), row.Decimal("won_to_date") ?? 0, row.Long("won_deals"), row.Double("attainment"), row.Decimal("gap"),
        row.Decimal("open_in_period") ?? 0, row.Long("open_in_period_deals"), row.Decimal("overdue_open") ?? 0, row.Long("overdue_deals"),
        row.Double("coverage"), row.Long("stalled_deals"), row.Long("open_deals"), row.Decimal("open_amount") ?? 0), row => row.Scope);

    public ILookup<ScopeKey, ForecastRow> Forecasts => Lookup("forecast_scopes", row => new ForecastRow(
        row.Date("as_of")!.Value, ScopeKey.From(row), row.Text("period_type")!, row.Text("period")!, row.Date("period_start")!.Value, row.Date("period_end")!.Value,
        row.Decimal("won_to_date") ?? 0, row.Decimal("expected_from_open"), row.Decimal("expected_from_new"), row.Decimal("expected_additional"),
        row.Decimal("forecast_total"), row.Decimal("low"), row.Decimal("high"), row.Decimal("quota"), row.Double("attainment"),
        row.Double("forecast_attainment"), row.Decimal("shortfall"), row.Decimal("gap"), row.Decimal("open_in_period") ?? 0,
        row.Decimal("overdue_open") ?? 0, row.Double("coverage"), row.Long("training_windows"),
        row.Decimal("commit_rollup"), row.Decimal("best_case_rollup")), row => row.Scope);

    public ILookup<ScopeKey, CumulativeWonRow> CumulativeWon => Lookup("forecast_cumulative_won", row => new CumulativeWonRow(
        row.Text("scope_type") == "team" ? ScopeKey.ForTeam(row.Text("scope")!) : ScopeKey.Company, row.Text("period_type")!,
        row.Date("period_start")!.Value, row.Date("period_end")!.Value, row.Date("day")!.Value, row.Decimal("cumulative_won") ?? 0), row => row.Scope);

    public ILookup<string, TeamMedianRow> TeamMedians => Lookup("team_medians", row => new TeamMedianRow(
        row.Text("team")!, row.Text("period_type")!, row.Text("period")!, row.Long("reps"), row.Double("quota"), row.Double("won_to_date"),
        row.Double("attainment"), row.Double("gap"), row.Double("open_in_period"), row.Double("coverage"), row.Double("stalled_deals"),
        row.Double("overdue_deals"), row.Double("overdue_open")), row => row.Team);

    public ILookup<ScopeKey, MonthRow> Months => Lookup("scope_monthly", row => new MonthRow(
        ScopeKey.From(row), row.Date("month")!.Value, row.Bool("is_complete"), row.Long("closed"), row.Long("won"), row.Long("lost"),
        row.Decimal("amount_won") ?? 0, row.Double("win_rate"), row.Double("avg_won_amount"), row.Double("cycle_days_won_sum") ?? 0,
        row.Double("median_cycle_days_won"), row.Long("new_pipeline_deals"), row.Decimal("new_pipeline_amount") ?? 0,
        row.Long("open_deals_at_cut"), row.Decimal("open_amount_at_cut") ?? 0), row => row.Scope);

    public ILookup<ScopeKey, PeriodRow> Periods => Lookup("scope_periods", row => new PeriodRow(
        ScopeKey.From(row), row.Text("period")!, row.Date("period_start")!.Value, row.Long("closed"), row.Long("won"),
        row.Decimal("amount_won") ?? 0, row.Double("win_rate"), row.Double("avg_won_amount"), row.Double("median_cycle_days"),
        row.Long("opportunity_closed"), row.Double("opportunity_win_rate")), row => row.Scope);

    public ILookup<string, ComparisonRow> Comparisons => Lookup("rep_comparison", row => new ComparisonRow(
        row.Text("rep_id")!, row.Text("period")!, row.Text("metric")!, row.Bool("higher_is_better"), row.Double("rep_value"),
        row.Long("rep_n"), row.Double("team_value"), row.Text("team_value_basis") ?? string.Empty, row.Text("verdict")!, row.Text("test") ?? string.Empty),
        row => row.RepId);

    public ILookup<ScopeKey, WinRateCell> WinRates => Lookup("win_rate_matrix", row => new WinRateCell(
        ScopeKey.From(row), row.Text("region") ?? string.Empty, row.Text("product") ?? string.Empty, row.Long("won"), row.Long("closed"), row.Double("win_rate")),
        row => row.Scope);

    public ILookup<ScopeKey, FunnelRow> Funnel => Lookup("funnel_windows", row => new FunnelRow(
        ScopeKey.From(row), row.Text("window_name")!, row.Text("stage")!, (int)row.Long("stage_order"), row.Long("exited"), row.Long("advanced"), row.Double("conversion")),
        row => row.Scope);

    public ILookup<string, StageComparisonRow> StageComparisons => Lookup("rep_stage_comparison", row => new StageComparisonRow(
        row.Text("rep_id")!, row.Text("stage")!, (int)row.Long("stage_order"), row.Long("rep_exits"), row.Double("rep_conversion"),
        row.Long("peer_exits"), row.Double("peer_conversion"), row.Text("verdict")!), row => row.RepId);

    public ILookup<ScopeKey, VelocityRow> Velocity => Lookup("velocity_by_scope", row => new VelocityRow(
        ScopeKey.From(row), row.Text("segment_type")!, row.Text("segment_value")!, row.Text("point")!, row.Long("open_opportunities"),
        row.Double("win_rate"), row.Double("avg_won_amount"), row.Double("avg_cycle_days"), row.Double("velocity_per_day")), row => row.Scope);

    /// <summary>The early warnings by team; the company's under the empty string.</summary>
    public ILookup<string, WarningRow> Warnings => Lookup("warnings", row => new WarningRow(
        row.Text("team"), row.Text("segment_type")!, row.Text("segment_value")!, row.Text("metric")!, row.Text("stage"), row.Date("month")!.Value,
        row.Long("current_n"), row.Double("current_value"), row.Long("baseline_n"), row.Double("baseline_value"), row.Text("severity")!),
        row => row.Team ?? string.Empty);

    public ILookup<ScopeKey, PipelineStageRow> PipelineByStage => Lookup("open_pipeline_by_stage", row => new PipelineStageRow(
        ScopeKey.From(row), row.Text("stage")!, row["stage_order"] is null ? null : (int)row.Long("stage_order"), row.Long("deals"),
        row.Decimal("amount") ?? 0, row.Long("stalled"), row.Long("overdue")), row => row.Scope);

    public ILookup<ScopeKey, PipelineMonthRow> PipelineByMonth => Lookup("open_pipeline_by_close_month", row => new PipelineMonthRow(
        ScopeKey.From(row), row.Date("close_month"), row.Bool("is_overdue"), row.Long("deals"), row.Decimal("amount") ?? 0), row => row.Scope);

    /// <summary>Every month and quarter's waterfall of the company or the teams, latest first.</summary>
    public ILookup<ScopeKey, WaterfallRow> Waterfall => Lookup("pipeline_waterfall", WaterfallRow.From, row => row.Scope);

    /// <summary>The rows of <paramref name="query"/> for these scopes by <paramref name="key"/>; each group keeps the query's order.</summary>
    private ILookup<TKey, TRow> Lookup<TKey, TRow>(string query, Func<ReportRow, TRow> map, Func<TRow, TKey> key) =>
        Once(query, rows => rows.Select(map).ToLookup(key));

    /// <summary>The rows as they are read, counted.</summary>
    private IEnumerable<ReportRow> Counted(IEnumerable<ReportRow> rows)
    {
        foreach (var row in rows)
        {
            RowsRead++;
            yield return row;
        }
    }

    /// <summary>
    /// The rows of <paramref name="query"/> for these scopes (and the other <paramref name="parameters"/>),
    /// mapped, read the first time they are asked for with these parameters and kept.
    /// </summary>
    private T Once<T>(string query, Func<IEnumerable<ReportRow>, T> map, params (string Name, object? Value)[] parameters)
    {
        var key = string.Join('|', parameters.Select(parameter => $"{parameter.Name}={parameter.Value}").Prepend(query));
        if (_read.TryGetValue(key, out var value))
            return (T)value;
        var figures = map(_none ? [] : Counted(_queries.Read(query, [.. _scopes, .. parameters])))!;
        _read[key] = figures;
        return figures;
    }
}

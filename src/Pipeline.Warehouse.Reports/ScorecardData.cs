using Pipeline.Warehouse.Reports.Benchmarks;

namespace Pipeline.Warehouse.Reports;

/// <summary>The figures every workbook compares against, loaded once for all reps and teams.</summary>
internal sealed class ScorecardData
{
    public const string ThisMonth = "this_month";
    public const string ThisQuarter = "this_quarter";
    public const string Trailing12Months = "trailing_12_months";

    private ScorecardData(DateOnly asOf, List<RepInfo> reps, List<RepKpi> kpis, List<RepVelocity> velocity, List<FunnelCount> funnel, List<CoachingFlag> coaching, BenchmarkTable benchmarks, string loadLabel, string currencySymbol, StageSteps steps)
    {
        AsOf = asOf;
        Steps = steps;
        CurrencySymbol = currencySymbol;
        LoadLabel = loadLabel;
        Benchmarks = benchmarks;
        Reps = reps;
        Kpis = kpis.ToDictionary(kpi => (kpi.RepId, kpi.Period));
        Velocity = velocity.ToDictionary(row => row.RepId);
        Funnel = funnel.ToDictionary(row => (row.WindowMonths, row.RepId, row.StageOrder));
        Coaching = coaching;
    }

    public DateOnly AsOf { get; }

    /// <summary>The reporting currency's symbol (marts.report_context.currency_symbol), e.g. $ or €.</summary>
    public string CurrencySymbol { get; }

    /// <summary>The funnel steps: the used stages under the user's labels (core.dim_stage).</summary>
    public StageSteps Steps { get; }

    /// <summary>The version of the warehouse the figures come from: "Warehouse load 7, as of 2026-11-30".</summary>
    public string LoadLabel { get; }

    /// <summary>The published figures the rep workbooks compare against.</summary>
    public BenchmarkTable Benchmarks { get; }

    /// <summary>Every current rep, by team and name.</summary>
    public IReadOnlyList<RepInfo> Reps { get; }

    public IReadOnlyDictionary<(string RepId, string Period), RepKpi> Kpis { get; }

    public IReadOnlyDictionary<string, RepVelocity> Velocity { get; }

    public IReadOnlyDictionary<(int WindowMonths, string RepId, int StageOrder), FunnelCount> Funnel { get; }

    public IReadOnlyList<CoachingFlag> Coaching { get; }

    /// <summary>The reps that get a workbook: those with deals in the 12 months before T.</summary>
    public IEnumerable<RepInfo> ActiveReps => Reps.Where(rep => rep.HasRecentDeals);

    /// <summary>The active reps of a team (the rep included): the team medians are over these.</summary>
    public IReadOnlyList<RepInfo> Team(string team) => ActiveReps.Where(rep => rep.Team == team).ToList();

    public static ScorecardData Load(ReportQueries queries, DateOnly asOf, BenchmarkTable benchmarks, string loadLabel, string currencySymbol = ReportContext.DefaultCurrencySymbol)
    {
        var parameter = ("as_of", (object?)asOf);
        var reps = queries.Rows("report_reps", parameter).Select(row => new RepInfo(
            row.Text("rep_id")!, row.Text("rep_name") ?? string.Empty, row.Text("team") ?? string.Empty,
            row.Text("region") ?? string.Empty, row.Bool("has_recent_deals"))).ToList();
        var kpis = queries.Rows("rep_kpis", parameter).Select(row => new RepKpi(
            row.Text("rep_id")!, row.Text("period")!, row.Date("period_start")!.Value, row.Long("closed_count"),
            row.Long("won_count"), row.Decimal("won_amount") ?? 0, row.Double("win_rate"), row.Decimal("avg_won_amount"),
            row.Double("median_cycle_days"), row.Decimal("quota"), row.Double("attainment"))).ToList();
        var velocity = queries.Rows("rep_velocity", parameter).Select(row => new RepVelocity(
            row.Text("rep_id")!, row.Long("open_opportunities"), row.Double("win_rate"), row.Decimal("avg_won_amount"),
            row.Double("avg_cycle_days"), row.Double("velocity_per_day"))).ToList();
        var funnel = queries.Rows("rep_funnel", parameter).Select(row => new FunnelCount(
            (int)row.Long("window_months"), row.Text("rep_id")!, row.Text("team") ?? string.Empty,
            (int)row.Long("stage_order"), row.Long("exited"), row.Long("advanced"))).ToList();
        var coaching = queries.Rows("rep_coaching").Select(row => new CoachingFlag(
            row.Text("rep_id")!, row.Text("team") ?? string.Empty, row.Text("stage")!, (int)row.Long("stage_order"),
            row.Long("rep_exits"), row.Double("rep_conversion") ?? 0, row.Long("peer_exits"),
            row.Double("peer_conversion") ?? 0, row.Double("z_score") ?? 0)).ToList();
        return new ScorecardData(asOf, reps, kpis, velocity, funnel, coaching, benchmarks, loadLabel, currencySymbol, StageSteps.Load(queries));
    }

    /// <summary>Pooled conversion of a set of reps at a stage over a window: sum(advanced) / sum(exited).</summary>
    public (long Exited, double? Conversion) Conversion(int windowMonths, IEnumerable<string> repIds, int stageOrder)
    {
        long exited = 0, advanced = 0;
        foreach (var repId in repIds)
        {
            if (Funnel.TryGetValue((windowMonths, repId, stageOrder), out var count))
            {
                exited += count.Exited;
                advanced += count.Advanced;
            }
        }
        return (exited, exited == 0 ? null : (double)advanced / exited);
    }
}

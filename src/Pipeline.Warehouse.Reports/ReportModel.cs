namespace Pipeline.Warehouse.Reports;

/// <summary>Who a figure is for: the company, a team, or a rep (the marts' scope_type, team, rep_id).</summary>
internal sealed record ScopeKey(string Type, string? Team, string? RepId)
{
    public static readonly ScopeKey Company = new("company", null, null);

    public static ScopeKey ForTeam(string team) => new("team", team, null);

    public static ScopeKey ForRep(string? team, string repId) => new("rep", team, repId);

    /// <summary>The executive report's scope (team null) or a team's.</summary>
    public static ScopeKey Of(string? team) => team is null ? Company : ForTeam(team);

    public static ScopeKey From(ReportRow row) => new(row.Text("scope_type")!, row.Text("team"), row.Text("rep_id"));
}

/// <summary>A current rep and the book the reports are written about (marts.report_reps).</summary>
internal sealed record RosterRep(
    string RepId,
    string Name,
    string Team,
    string Region,
    bool? IsActive,
    long Deals,
    long OpenDeals,
    decimal OpenAmount,
    bool HasRecentDeals,
    bool IsInactiveWithOpenDeals);

/// <summary>A stage in pipeline order with the label the user knows it by (core.dim_stage).</summary>
internal sealed record StageInfo(string Stage, int Order, string Label, bool IsUsed, string? NextUsedStage);

/// <summary>One row of marts.period_attainment.</summary>
internal sealed record AttainmentRow(
    ScopeKey Scope,
    string PeriodType,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal? Quota,
    decimal WonToDate,
    long WonDeals,
    double? Attainment,
    decimal? Gap,
    decimal OpenInPeriod,
    long OpenInPeriodDeals,
    decimal OverdueOpen,
    long OverdueDeals,
    double? Coverage,
    long StalledDeals,
    long OpenDeals,
    decimal OpenAmount);

/// <summary>One row of marts.scope_monthly.</summary>
internal sealed record MonthRow(
    ScopeKey Scope,
    DateOnly Month,
    bool IsComplete,
    long Closed,
    long Won,
    long Lost,
    decimal AmountWon,
    double? WinRate,
    double? AvgWonAmount,
    double CycleDaysWonSum,
    double? MedianCycleDaysWon,
    long NewPipelineDeals,
    decimal NewPipelineAmount,
    long OpenDealsAtCut,
    decimal OpenAmountAtCut)
{
    public double? MeanCycleDaysWon => Won == 0 ? null : CycleDaysWonSum / Won;
}

/// <summary>One row of marts.scope_periods.</summary>
internal sealed record PeriodRow(
    ScopeKey Scope,
    string Period,
    DateOnly PeriodStart,
    long Closed,
    long Won,
    decimal AmountWon,
    double? WinRate,
    double? AvgWonAmount,
    double? MedianCycleDays,
    long OpportunityClosed,
    double? OpportunityWinRate);

/// <summary>One row of marts.rep_comparison: a rep's figure against the team and the verdict of its stated test.</summary>
internal sealed record ComparisonRow(
    string RepId,
    string Period,
    string Metric,
    bool HigherIsBetter,
    double? RepValue,
    long RepN,
    double? TeamValue,
    string TeamValueBasis,
    string Verdict,
    string Test);

/// <summary>One cell of marts.win_rate_matrix.</summary>
internal sealed record WinRateCell(ScopeKey Scope, string Region, string Product, long Won, long Closed, double? WinRate);

/// <summary>The one row of marts.data_quality.</summary>
internal sealed record DataQuality(
    long Deals,
    long UnknownLeadTypes,
    long UnknownCompanySizes,
    long SynthesizedDeals,
    long ClosedBeforeCreated,
    long HistoryBeforeCreated,
    long UnknownManagers,
    long SnapshotNights,
    DateOnly? FirstSnapshotDate,
    long DeletedDeals,
    long DeletedTonight,
    long InferredDeals,
    long BacktestOriginsBeforeFirstSnapshot);

/// <summary>One row of marts.funnel_windows: a stage's exits and advances in a window.</summary>
internal sealed record FunnelRow(ScopeKey Scope, string Window, string Stage, int StageOrder, long Exited, long Advanced, double? Conversion);

/// <summary>One row of marts.rep_stage_comparison: a rep's conversion at a stage against the rest of the team, in words.</summary>
internal sealed record StageComparisonRow(
    string RepId,
    string Stage,
    int StageOrder,
    long RepExits,
    double? RepConversion,
    long PeerExits,
    double? PeerConversion,
    string Verdict);

/// <summary>One row of marts.velocity_by_scope.</summary>
internal sealed record VelocityRow(
    ScopeKey Scope,
    string SegmentType,
    string SegmentValue,
    string Point,
    long OpenOpportunities,
    double? WinRate,
    double? AvgWonAmount,
    double? AvgCycleDays,
    double? VelocityPerDay);

/// <summary>An early warning of the company (marts.segment_warnings) or of a team (marts.team_warnings).</summary>
internal sealed record WarningRow(
    string? Team,
    string SegmentType,
    string SegmentValue,
    string Metric,
    string? Stage,
    DateOnly Month,
    long CurrentN,
    double? CurrentValue,
    long BaselineN,
    double? BaselineValue,
    string Severity);

/// <summary>Open pipeline of a scope at one stage (marts.open_pipeline_by_stage).</summary>
internal sealed record PipelineStageRow(ScopeKey Scope, string Stage, int? StageOrder, long Deals, decimal Amount, long Stalled, long Overdue);

/// <summary>Open pipeline of a scope by expected close month (marts.open_pipeline_by_close_month); Month null: no date.</summary>
internal sealed record PipelineMonthRow(ScopeKey Scope, DateOnly? Month, bool IsOverdue, long Deals, decimal Amount);

/// <summary>A deal open at T (marts.open_deals).</summary>
internal sealed record OpenDealRow(
    string DealId,
    string? DealName,
    string? AccountName,
    string? RepName,
    string? Team,
    string Stage,
    double? DaysInStage,
    decimal? Amount,
    DateOnly? ExpectedCloseDate,
    bool IsStalled,
    bool IsOverdue,
    string? LeadType);

/// <summary>A deal won or lost in the trailing 12 months (core.fact_deal).</summary>
internal sealed record ClosedDealRow(
    string DealId,
    string? DealName,
    string? AccountName,
    string Status,
    DateOnly? ClosedOn,
    decimal? Amount,
    double? CycleDays,
    string? LeadType,
    string? LossReason);

/// <summary>An input file of the latest run (meta.load_file), by file name only.</summary>
internal sealed record LoadFileRow(string File, string? Dialect, long Rows, long Loaded, long Rejected, long Duplicates);

/// <summary>A contradiction kept in the warehouse, or a kind's count with no example (Subject null).</summary>
internal sealed record ContradictionRow(string Kind, string Label, long KindCount, string? Subject, string? Detail);

/// <summary>The median rep of a team in one period (marts.team_medians).</summary>
internal sealed record TeamMedianRow(
    string Team,
    string PeriodType,
    string Period,
    long Reps,
    double? Quota,
    double? WonToDate,
    double? Attainment,
    double? Gap,
    double? OpenInPeriod,
    double? Coverage,
    double? StalledDeals,
    double? OverdueDeals,
    double? OverdueOpen);

/// <summary>One row of marts.forecast_scopes: the forecast of a scope for a period beside quota and coverage; the forecast figures NULL when TrainingWindows is 0.</summary>
internal sealed record ForecastRow(
    DateOnly AsOf,
    ScopeKey Scope,
    string PeriodType,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal WonToDate,
    decimal? ExpectedFromOpen,
    decimal? ExpectedFromNew,
    decimal? ExpectedAdditional,
    decimal? ForecastTotal,
    decimal? Low,
    decimal? High,
    decimal? Quota,
    double? Attainment,
    double? ForecastAttainment,
    decimal? Shortfall,
    decimal? Gap,
    decimal OpenInPeriod,
    decimal OverdueOpen,
    double? Coverage,
    long TrainingWindows,
    decimal? CommitRollup = null,
    decimal? BestCaseRollup = null)
{
    /// <summary>Whether the forecast had history to learn from (training_windows above 0 and a total).</summary>
    public bool HasForecast => TrainingWindows > 0 && ForecastTotal is not null;

    /// <summary>Whether the period ended with the as-of date (T is its end): nothing is left to forecast.</summary>
    public bool HasEnded => AsOf.AddDays(1) >= PeriodEnd;
}

/// <summary>One row of marts.forecast_accuracy: how one method did in the backtest of one period type.</summary>
internal sealed record AccuracyRow(
    string PeriodType,
    string Method,
    long Origins,
    double? Wape,
    double? Bias,
    double? Within10Pct,
    double? IntervalCoverage);

/// <summary>One day of marts.forecast_cumulative_won: the amount won from the period's start through that day.</summary>
internal sealed record CumulativeWonRow(ScopeKey Scope, string PeriodType, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly Day, decimal CumulativeWon);

/// <summary>A rep's open deal in a current period of marts.forecast_deals: its chance of being won in the period and its expected amount there.</summary>
internal sealed record ForecastDealRow(
    string PeriodType,
    DateOnly PeriodStart,
    string DealId,
    string? DealName,
    string Stage,
    decimal? Amount,
    DateOnly? ExpectedCloseDate,
    bool IsOverdue,
    bool IsInPeriod,
    double? WinProbability,
    decimal? ExpectedAmount,
    long RankInRep);

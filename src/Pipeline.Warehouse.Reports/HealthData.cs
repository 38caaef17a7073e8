namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Everything one health report shows, read from the warehouse: for every deal (<see cref="Team"/>
/// null, the executive report) or for the deals of one team's current reps. Early warnings,
/// velocity by segment and data-quality notes are company-wide in both. <see cref="LoadLabel"/>
/// names the version of the warehouse it was read from.
/// </summary>
internal sealed record HealthData(
    DateOnly AsOf,
    string? Team,
    ReportRow Current,
    ReportRow Prior,
    double? VelocityCurrent,
    double? VelocityPrior,
    IReadOnlyList<ReportRow> Funnel,
    IReadOnlyList<ReportRow> Trend,
    IReadOnlyList<ReportRow> HeatMap,
    IReadOnlyList<ReportRow> Velocity,
    IReadOnlyList<ReportRow> Warnings,
    IReadOnlyList<ReportRow> Stalled,
    IReadOnlyList<ReportRow> LoadFiles,
    ReportRow Quality,
    IReadOnlyList<ReportRow> Contradictions,
    string LoadLabel,
    string CurrencySymbol = ReportContext.DefaultCurrencySymbol)
{
    public const int StalledLimit = 25;

    /// <summary>How many contradictions of each kind the data-quality page lists (it counts them all).</summary>
    public const int ContradictionLimit = 5;

    /// <summary>First day of the latest complete month before T (the "current" month of the KPIs and warnings).</summary>
    public DateOnly CurrentMonth => Current.Date("month_start") ?? new DateOnly(AsOf.Year, AsOf.Month, 1);

    public static HealthData Load(ReportQueries queries, DateOnly asOf, string? team, string loadLabel, string currencySymbol = ReportContext.DefaultCurrencySymbol)
    {
        var scope = ("team", (object?)(team ?? string.Empty));
        var date = ("as_of", (object?)asOf);
        var kpis = queries.Rows("health_kpis", date, scope);
        var velocity = queries.Rows("health_velocity_trend", date, scope);
        return new HealthData(
            asOf,
            team,
            kpis.Single(row => row.Text("period") == "current"),
            kpis.Single(row => row.Text("period") == "prior"),
            velocity.Count > 0 ? velocity[0].Double("velocity_per_day") : null,
            velocity.Count > 1 ? velocity[1].Double("velocity_per_day") : null,
            queries.Rows("health_funnel", date, scope),
            queries.Rows("health_trend", date, scope),
            queries.Rows("health_heatmap", date, scope),
            queries.Rows("health_velocity"),
            queries.Rows("health_warnings"),
            queries.Rows("health_stalled", scope, ("limit", StalledLimit)),
            queries.Rows("health_load_files"),
            queries.Rows("health_quality")[0],
            queries.Rows("health_contradictions", ("limit", ContradictionLimit)),
            loadLabel,
            currencySymbol);
    }
}

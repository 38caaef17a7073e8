namespace Pipeline.Warehouse.Reports;

/// <summary>
/// The forecast in words (marts.forecast_scopes, marts.forecast_accuracy), shared by the PDFs and
/// the workbooks so that they say the same thing: every figure is the mart's, only chosen and formatted.
/// </summary>
internal static class ForecastText
{
    public const string NoHistory = "no forecast: too little history of won deals to learn from";

    public const string NoQuota = "no quota set";

    /// <summary>
    /// A period that ended with the as-of date has nothing left to forecast: "November 2026 (ended): $5.7M won of $5.7M quota (101%), quota met; $7.2M overdue."
    /// Otherwise "Q4 2026: $9.0M won of $17.3M quota (52%), $8.3M still to win; forecast $13.9M (P10 $12.5M – P90 $15.3M),
    /// $3.4M short of quota at the midpoint; coverage of the gap 1.2x, $6.6M overdue."
    /// </summary>
    public static string Sentence(ForecastRow row, string symbol)
    {
        var name = HealthFormat.Period(row.PeriodType, row.PeriodStart);
        string C(decimal? value) => HealthFormat.Compact(value, symbol);
        var forecast = row.HasForecast ? $"forecast {Range(row, symbol)}" : NoHistory;
        var categories = Categories(row, symbol);
        var overdue = row.OverdueOpen == 0 ? "nothing overdue" : $"{C(row.OverdueOpen)} overdue";
        if (row.HasEnded)
            return row.Quota is null
                ? $"{name} (ended): {NoQuota}; {C(row.WonToDate)} won; {overdue}."
                : $"{name} (ended): {C(row.WonToDate)} won of {C(row.Quota)} quota ({HealthFormat.Percent(row.Attainment)}){(row.Gap is > 0 ? $", {C(row.Gap)} short" : ", quota met")}; {overdue}.";
        if (row.Quota is null)
            return $"{name}: {NoQuota} for {name}; {C(row.WonToDate)} won, {forecast}{categories}; {overdue}.";
        var won = $"{C(row.WonToDate)} won of {C(row.Quota)} quota ({HealthFormat.Percent(row.Attainment)})";
        var midpoint = !row.HasForecast || row.Shortfall is not { } shortfall
            ? ""
            : shortfall > 0 ? $", {C(shortfall)} short of quota at the midpoint"
            : shortfall < 0 ? $", {C(-shortfall)} above quota at the midpoint"
            : ", on quota at the midpoint";
        if (row.Gap is not { } gap || gap <= 0)
            return $"{name}: {won}, quota met; {forecast}{midpoint}{categories}; {overdue}.";
        var coverage = row.Coverage is null ? "" : $"coverage of the gap {HealthFormat.Multiple(row.Coverage)}, ";
        return $"{name}: {won}, {C(gap)} still to win; {forecast}{midpoint}{categories}; {coverage}{overdue}.";
    }

    /// <summary>"Next: January 2027 forecast $4.8M (P10 $3.4M – P90 $6.3M), no quota set; Q1 2027 forecast ..."</summary>
    public static string Next(IEnumerable<ForecastRow> next, string symbol)
    {
        var parts = next.Select(row =>
        {
            var name = HealthFormat.Period(row.PeriodType, row.PeriodStart);
            if (!row.HasForecast)
                return $"{name}: {NoHistory}";
            var quota = row.Quota is null
                ? NoQuota
                : $"{HealthFormat.Percent(row.ForecastAttainment)} of its {HealthFormat.Compact(row.Quota, symbol)} quota";
            return $"{name} forecast {Range(row, symbol)}, {quota}";
        }).ToList();
        return parts.Count == 0 ? "" : $"Next: {string.Join("; ", parts)}.";
    }

    /// <summary>
    /// Where the export carries the CRM's forecast category: "; the CRM's Commit $15.4M, Best Case $18.9M"
    /// (Closed + Commit, and + Best Case: marts.forecast_scopes); else nothing.
    /// </summary>
    public static string Categories(ForecastRow row, string symbol) =>
        row.CommitRollup is null || row.BestCaseRollup is null
            ? ""
            : $"; the CRM's Commit {HealthFormat.Compact(row.CommitRollup, symbol)}, Best Case {HealthFormat.Compact(row.BestCaseRollup, symbol)}";

    /// <summary>"$13.9M (P10 $12.5M – P90 $15.3M)".</summary>
    public static string Range(ForecastRow row, string symbol) =>
        $"{HealthFormat.Compact(row.ForecastTotal, symbol)} (P10 {HealthFormat.Compact(row.Low, symbol)} – P90 {HealthFormat.Compact(row.High, symbol)})";

    /// <summary>The method's name in the accuracy table and sentence.</summary>
    public static string Method(string method) => method switch
    {
        "forecast" => "Forecast",
        "weighted_pipeline" => "Weighted pipeline",
        "run_rate" => "Run rate",
        _ => method,
    };

    /// <summary>
    /// "16 backtest origins came before 2026-11-30, the first night the warehouse remembers: their deals
    /// are priced with amounts and close dates known later.": said when the backtest prices past
    /// origins with values from the stage history or this export (METRICS.md section 9).
    /// </summary>
    public static string KnownThen(long originsBefore, DateOnly? firstNight) => originsBefore == 0
        ? ""
        : $"{originsBefore} backtest origins came before {(firstNight is { } night ? night.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "the first night")}, "
            + "the first night the warehouse remembers: their deals are priced with amounts and close dates known later.";

    /// <summary>
    /// "The last 24 month forecasts missed by 14% on average (run rate 20%, weighted pipeline 54%), and the amount won
    /// fell within P10–P90 in 83% of them; the last 12 quarter forecasts missed by 10% (run rate 19%, weighted pipeline 19%), within P10–P90 in 75%."
    /// </summary>
    public static string Accuracy(IReadOnlyList<AccuracyRow> rows)
    {
        var clauses = new List<string>();
        foreach (var type in new[] { "month", "quarter" })
        {
            var of = rows.Where(row => row.PeriodType == type).ToDictionary(row => row.Method);
            if (!of.TryGetValue("forecast", out var forecast) || forecast.Origins == 0 || forecast.Wape is null)
                continue;
            var baselines = new[] { "run_rate", "weighted_pipeline" }
                .Where(of.ContainsKey)
                .Select(method => $"{Method(method).ToLowerInvariant()} {HealthFormat.Percent(of[method].Wape)}")
                .ToList();
            var clause = $"the last {HealthFormat.Count(forecast.Origins)} {type} forecasts missed by {HealthFormat.Percent(forecast.Wape)} on average"
                + (baselines.Count == 0 ? "" : $" ({string.Join(", ", baselines)})");
            if (forecast.IntervalCoverage is not null)
                clause += clauses.Count == 0
                    ? $", and the amount won fell within P10–P90 in {HealthFormat.Percent(forecast.IntervalCoverage)} of them"
                    : $", within P10–P90 in {HealthFormat.Percent(forecast.IntervalCoverage)}";
            clauses.Add(clause);
        }
        return clauses.Count == 0
            ? "The backtest has no forecast to measure yet: too little history before its origins."
            : Capitalized(string.Join("; ", clauses)) + ".";
    }

    /// <summary>A bias as a signed percentage: "+3% (too high)", "-4% (too low)".</summary>
    public static string Bias(double? bias) => bias is not { } value
        ? "–"
        : Math.Round(value * 100) switch
        {
            0 => "0%",
            > 0 => $"+{HealthFormat.Percent(value)} (high)",
            _ => $"{HealthFormat.Percent(value)} (low)",
        };

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

namespace Pipeline.Warehouse.Reports;

/// <summary>The words of the pipeline waterfall (marts.pipeline_waterfall), shared by the PDFs and the manager workbook.</summary>
internal static class WaterfallText
{
    /// <summary>A movement's name as a reader sees it.</summary>
    public static string Movement(string movement) => movement switch
    {
        "start" => "Start",
        "created" => "Created",
        "pulled_in" => "Pulled in",
        "amount_changed" => "Amount changed",
        "won" => "Won",
        "lost" => "Lost",
        "pushed_out" => "Pushed out",
        "removed" => "Removed",
        "end" => "End",
        _ => movement,
    };

    /// <summary>What each movement means, for the notes under a chart or a table.</summary>
    public const string Definitions =
        "Start: deals open at the period's first day and expected to close in it. Created: deals created since that close in the period "
        + "or are open and expected in it. Pulled in: older deals that were not in the start and now close or are expected in the period. "
        + "Amount changed: the start deals' amounts now (or at their close) minus then. Won, lost: closed in the period. "
        + "Pushed out: start deals still open but now expected after the period (or before it, or without a date). "
        + "Removed: start deals deleted in the CRM since. End: deals open now and expected to close in the period. "
        + "Start + created + pulled in + amount changed - won - lost - pushed out - removed = end.";

    /// <summary>"Q4 2026 to Dec 3: the pipeline expected to close in the quarter went from $16.1k (6 deals) on Oct 1 to $8.0k (4 deals): ..."</summary>
    public static string Sentence(IReadOnlyList<WaterfallRow> rows, string symbol)
    {
        if (rows.Count == 0)
            return "No pipeline movement figures for this period.";
        var first = rows[0];
        var by = rows.ToDictionary(row => row.Movement);
        string Figure(string movement) => $"{HealthFormat.Compact(by[movement].Amount, symbol)} ({HealthFormat.Deals(by[movement].Deals)})";
        string Listed(params string[] movements)
        {
            var parts = movements.Where(movement => by[movement].Deals > 0)
                .Select(movement => movement == "amount_changed"
                    ? $"amounts {(by[movement].Amount >= 0 ? "+" : "")}{HealthFormat.Compact(by[movement].Amount, symbol)} on {HealthFormat.Deals(by[movement].Deals)}"
                    : $"{HealthFormat.Compact(by[movement].Amount, symbol)} {Movement(movement).ToLowerInvariant()} ({by[movement].Deals})")
                .ToList();
            return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
        }
        var kind = first.PeriodType == "quarter" ? "quarter" : "month";
        return $"{HealthFormat.Period(first.PeriodType, first.PeriodStart)}, {Day(first.PeriodStart)} to {Day(first.ThroughDate)}: "
            + $"the pipeline expected to close in the {kind} went from {Figure("start")} to {Figure("end")}. "
            + $"In: {Listed("created", "pulled_in", "amount_changed")}. Out: {Listed("won", "lost", "pushed_out", "removed")}.";
    }

    /// <summary>
    /// Where the start and the end deals of the periods come from, grouped by source: "From the
    /// nightly snapshot: the end of Q4 2026 (Dec 3), ... Rebuilt from the deals' timelines (...): the start of ...".
    /// </summary>
    public static string Sources(IEnumerable<WaterfallRow> periods)
    {
        var ends = periods.SelectMany(row => new[]
        {
            (Source: row.StartSource, Text: $"the start of {HealthFormat.Period(row.PeriodType, row.PeriodStart)} ({Day(row.PeriodStart)})"),
            (Source: row.EndSource, Text: $"the end of {HealthFormat.Period(row.PeriodType, row.PeriodStart)} ({Day(row.ThroughDate)})"),
        }).ToList();
        string Of(string source) => string.Join(", ", ends.Where(end => end.Source == source).Select(end => end.Text));
        var parts = new List<string>();
        if (ends.Any(end => end.Source == "snapshot"))
            parts.Add($"From the nightly snapshot of the night before: {Of("snapshot")}.");
        if (ends.Any(end => end.Source == "timeline"))
            parts.Add($"Rebuilt from the deals' timelines, as no snapshot of the night before was loaded (amounts and close dates as the stage history, else the latest export, says; deals deleted since are not seen): {Of("timeline")}.");
        return string.Join(" ", parts);
    }

    /// <summary>What happened to a deal behind a movement, in a few words: "close date 2026-11-28 → 2027-01-15", "won 2026-11-10", "$1,000 → $1,200".</summary>
    public static string Detail(WaterfallDealRow deal, string symbol) => deal.Movement switch
    {
        "won" or "lost" => $"{deal.Movement} {HealthFormat.Date(deal.ClosedOn)}",
        "pushed_out" => $"close date {HealthFormat.Date(deal.CloseDateAtStart)} → {(deal.CloseDateAtExit is null ? "none" : HealthFormat.Date(deal.CloseDateAtExit))}",
        "removed" => deal.IsDeleted ? "deleted in the CRM" : "no longer in the pipeline",
        "amount_changed" => $"{HealthFormat.Amount(deal.AmountAtStart, symbol)} → {HealthFormat.Amount(deal.AmountAtExit, symbol)}",
        "created" or "pulled_in" => deal.ClosedOn is { } closed ? $"closed {HealthFormat.Date(closed)}" : $"expected {HealthFormat.Date(deal.CloseDateAtExit)}",
        _ => "",
    };

    private static string Day(DateOnly date) => date.ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture);
}

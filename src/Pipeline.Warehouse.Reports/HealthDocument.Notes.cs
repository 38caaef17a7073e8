using Pipeline.Warehouse.Reports.Pdf;

namespace Pipeline.Warehouse.Reports;

/// <summary>The last page: the definitions in plain words, and data-quality notes from the latest run.</summary>
internal sealed partial class HealthDocument
{
    private static readonly (string Term, string Meaning)[] Definitions =
    [
        ("As of", "Figures count what happened before the start of the day after the as-of date (UTC)."),
        ("Bookings", "The amount of the deals won in the period (their last stage is closed won, entered in the period)."),
        ("Win rate", "Deals won / deals closed (won or lost) in the period."),
        ("Sales cycle", "Days from a deal's start (its creation or first stage, whichever is earlier) to its close; shown for won deals."),
        ("Stage conversion", "Of the deals that left a stage in the period, the share that moved on to a later stage; deals still sitting in a stage are not counted, skipped stages count as reached."),
        ("New pipeline", "Deals that reached opportunity (or a later stage) for the first time in the period."),
        ("Open pipeline", "Deals open at the end of the period (not won or lost then), with their amount."),
        ("Attainment", "The amount won in the period so far / the period's quota (a rep's quota rows prorated by the days they share with it; a team's and the company's are sums over their reps)."),
        ("Open in period", "Open deals that reached opportunity with an expected close date from the as-of date to the period's end."),
        ("Coverage", "Open in period / the quota still to win (quota less the amount won so far); none once the quota is met."),
        ("Overdue", "Open deals that reached opportunity whose expected close date has passed; shown beside coverage, never counted in it."),
        ("Forecast", "Won so far plus what is expected to be won by the period's end: each open deal by its chance of being won in time (learned from the deals open at the same moment in the 24 months before) and deals not created yet. P10-P90: the range it lands in 8 times out of 10."),
        ("How far to trust it", "The forecast made on past dates from what was known then, against what was won: typical error = misses added up / amount won; bias: too high (+) or low (-); in P10-P90: how often the amount won fell inside (80% is exact). Weighted pipeline: won + open deals x stage probability; run rate: won + the last 3 periods' mean for the time left."),
        ("Sales velocity", "Open opportunities x win rate x average won amount / average won cycle, over the deals closed in the 365 days before: currency per day."),
        ("Stalled deal", "An open deal in its current stage for more than twice that stage's median duration over the last 365 days (when at least 10 durations exist)."),
        ("Early warning", "A segment whose latest complete month is significantly worse than the 6 months before it: a stage conversion or win rate (z-test), new pipeline (count) or won sales cycle (median). A team's report shows the warnings of its own deals."),
    ];

    private void ComposeNotes(PdfComposer composer)
    {
        composer.Item(new TextElement("Definitions", Typography.Heading));
        foreach (var (term, meaning) in Definitions)
            composer.Item(new BulletElement(term, Typography.BodyBold, meaning, Typography.Body, gutter: 110));
        composer.Item(new SpacerElement(8));
        composer.Heading(new TextElement("Data quality (latest run)", Typography.Heading), 60);
        var quality = set.Quality;
        composer.Item(new TextElement(
            $"{HealthFormat.Count(quality.Deals)} deals in the warehouse: {HealthFormat.Count(quality.UnknownLeadTypes)} with an unknown lead type, "
            + $"{HealthFormat.Count(quality.UnknownCompanySizes)} with an unknown company size, and "
            + $"{HealthFormat.Count(quality.SynthesizedDeals)} whose stage history was synthesized (partly or wholly) because the export had none.",
            Typography.Body));
        composer.Item(new TextElement(HistoryNote(quality), Typography.Body));
        if (set.RunMessage is { Length: > 0 } message)
            composer.Item(new TextElement("Run notes: " + HealthFormat.WithoutPaths(message), Typography.Body, maxLines: 6));
        composer.Item(new TextElement(
            set.LoadFiles.All(file => file.Rejected == 0)
                ? "No input row was rejected."
                : "Some input rows were rejected (the Rejected column; see meta.rejected_row for each row and reason).",
            Typography.Body, spaceAfter: 6));
        TableColumn[] columns = [new("Input file", 3f), new("Dialect", 1.2f), new("Rows", 1f, true), new("Loaded", 1f, true), new("Rejected", 1f, true), new("Duplicates", 1f, true)];
        composer.Table(columns, set.LoadFiles.Select(file => (IReadOnlyList<TableCell>)
        [
            file.File,
            file.Dialect ?? "",
            HealthFormat.Count(file.Rows),
            HealthFormat.Count(file.Loaded),
            file.Rejected > 0 ? new TableCell(HealthFormat.Count(file.Rejected), new SkiaSharp.SKColor(0xFF, 0xF2, 0xCC)) : "0",
            HealthFormat.Count(file.Duplicates),
        ]));
        ComposeContradictions(composer);
    }

    /// <summary>
    /// "The warehouse remembers 30 nights, from 2026-11-01. 4 deals deleted in the CRM are kept apart
    /// (1 since last night) ...": what the nightly snapshots add (marts.data_quality).
    /// </summary>
    internal static string HistoryNote(DataQuality quality)
    {
        var nights = quality.SnapshotNights == 1
            ? "The warehouse remembers one night, this one: amounts and close dates of earlier dates come from the stage history or this export."
            : $"The warehouse remembers {HealthFormat.Count(quality.SnapshotNights)} nights, from {HealthFormat.Date(quality.FirstSnapshotDate)}; before that, amounts and close dates come from the stage history or this export.";
        var deleted = quality.DeletedDeals == 0
            ? " No deal has disappeared from the exports since the first night."
            : $" {HealthFormat.Count(quality.DeletedDeals)} {(quality.DeletedDeals == 1 ? "deal" : "deals")} deleted in the CRM {(quality.DeletedDeals == 1 ? "is" : "are")} kept apart ({HealthFormat.Count(quality.DeletedTonight)} since the night before; core.deleted_deal) and counted in no figure.";
        var inferred = quality.InferredDeals == 0
            ? ""
            : $" {HealthFormat.Count(quality.InferredDeals)} {(quality.InferredDeals == 1 ? "deal's" : "deals'")} stage changes were inferred from one night to the next, because the export has no stage history for them.";
        return nights + deleted + inferred;
    }

    /// <summary>Rows kept although their dates or references contradict each other: a count per kind (marts.data_quality), then the first few of each.</summary>
    private void ComposeContradictions(PdfComposer composer)
    {
        var quality = set.Quality;
        var kinds = set.Contradictions.GroupBy(row => row.Kind).Select(group => group.First()).ToList();
        composer.Item(new SpacerElement(6));
        composer.Item(new TextElement(
            quality is { ClosedBeforeCreated: 0, HistoryBeforeCreated: 0, UnknownManagers: 0 }
                ? "No loaded row contradicts another: no deal closed or with stage history before its creation, no manager id that names nobody."
                : "Contradictions loaded as exported (see marts.data_contradictions): "
                    + string.Join("; ", kinds.Select(row => $"{row.Label}: {HealthFormat.Count(row.KindCount)}")) + ".",
            Typography.Body, spaceAfter: 6));
        var listed = set.Contradictions.Where(row => row.Subject is not null).ToList();
        if (listed.Count == 0)
            return;
        TableColumn[] columns = [new("Contradiction", 2f), new("Deal or rep", 1.4f), new("Values", 4f)];
        composer.Table(columns, listed.Select(row => (IReadOnlyList<TableCell>)
        [
            row.Label,
            row.Subject ?? "",
            row.Detail ?? "",
        ]));
    }
}

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
        ("Coverage vs quota", "Open pipeline / the quota still to win in the quota periods running at the end of the month (quota less the amount won in them so far)."),
        ("Sales velocity", "Open opportunities x win rate x average won amount / average won cycle, over the deals closed in the 365 days before: currency per day."),
        ("Stalled deal", "An open deal in its current stage for more than twice that stage's median duration over the last 365 days (when at least 10 durations exist)."),
        ("Early warning", "A segment whose latest complete month is significantly worse than the 6 months before it: a stage conversion or win rate (z-score), new pipeline (count) or won sales cycle (median)."),
    ];

    private void ComposeNotes(PdfComposer composer)
    {
        composer.Item(new TextElement("Definitions", Typography.Heading));
        foreach (var (term, meaning) in Definitions)
            composer.Item(new BulletElement(term, Typography.BodyBold, meaning, Typography.Body, gutter: 110));
        composer.Item(new SpacerElement(8));
        composer.Heading(new TextElement("Data quality (latest run)", Typography.Heading), 60);
        var quality = data.Quality;
        composer.Item(new TextElement(
            $"{HealthFormat.Count(quality.Long("deals"))} deals in the warehouse: {HealthFormat.Count(quality.Long("unknown_lead_types"))} with an unknown lead type, "
            + $"{HealthFormat.Count(quality.Long("unknown_company_sizes"))} with an unknown company size, and "
            + $"{HealthFormat.Count(quality.Long("synthesized_deals"))} whose stage history was synthesized (partly or wholly) because the export had none.",
            Typography.Body));
        if (quality.Text("run_message") is { Length: > 0 } message)
            composer.Item(new TextElement("Run notes: " + message, Typography.Body, maxLines: 6));
        var totalRejected = data.LoadFiles.Sum(row => row.Long("rejected"));
        composer.Item(new TextElement(
            totalRejected == 0 ? "No input row was rejected." : $"{HealthFormat.Count(totalRejected)} input rows were rejected (see meta.rejected_row for each row and reason).",
            Typography.Body, spaceAfter: 6));
        TableColumn[] columns = [new("Input file", 3f), new("Dialect", 1.2f), new("Rows", 1f, true), new("Loaded", 1f, true), new("Rejected", 1f, true), new("Duplicates", 1f, true)];
        composer.Table(columns, data.LoadFiles.Select(row => (IReadOnlyList<TableCell>)
        [
            row.Text("file") ?? "",
            row.Text("dialect") ?? "",
            HealthFormat.Count(row.Long("rows")),
            HealthFormat.Count(row.Long("loaded")),
            row.Long("rejected") > 0 ? new TableCell(HealthFormat.Count(row.Long("rejected")), new SkiaSharp.SKColor(0xFF, 0xF2, 0xCC)) : "0",
            HealthFormat.Count(row.Long("duplicates")),
        ]));
        ComposeContradictions(composer);
    }

    /// <summary>Rows kept although their dates or references contradict each other: a count per kind, then the first few of each.</summary>
    private void ComposeContradictions(PdfComposer composer)
    {
        var kinds = data.Contradictions.GroupBy(row => row.Text("kind")).Select(g => g.First()).ToList();
        var total = kinds.Sum(row => row.Long("kind_count"));
        composer.Item(new SpacerElement(6));
        composer.Item(new TextElement(
            total == 0
                ? "No loaded row contradicts another: no deal closed or with stage history before its creation, no manager id that names nobody."
                : $"{HealthFormat.Count(total)} contradictions were loaded as exported (see marts.data_contradictions): "
                    + string.Join("; ", kinds.Select(row => $"{row.Text("label")}: {HealthFormat.Count(row.Long("kind_count"))}")) + ".",
            Typography.Body, spaceAfter: 6));
        var listed = data.Contradictions.Where(row => row.Text("subject") is not null).ToList();
        if (listed.Count == 0)
            return;
        TableColumn[] columns = [new("Contradiction", 2f), new("Deal or rep", 1.4f), new("Values", 4f)];
        composer.Table(columns, listed.Select(row => (IReadOnlyList<TableCell>)
        [
            row.Text("label") ?? "",
            row.Text("subject") ?? "",
            row.Text("detail") ?? "",
        ]));
    }
}

using Pipeline.Warehouse.Reports.Pdf;
using SkiaSharp;

namespace Pipeline.Warehouse.Reports;

/// <summary>The table pages: every early warning with its severity colour, and the largest stalled deals.</summary>
internal sealed partial class HealthDocument
{
    private static readonly SKColor CriticalFill = new(0xF8, 0xCB, 0xAD);
    private static readonly SKColor WarningFill = new(0xFF, 0xF2, 0xCC);

    private void ComposeWarningTable(PdfComposer composer)
    {
        composer.Item(new SpacerElement(8));
        composer.Heading(new TextElement("Every early warning", Typography.Heading), 80);
        composer.Item(new TextElement(
            "Rates: z is the two-proportion z-score of the month against the pooled baseline (warning at z <= -2, critical at z <= -3, "
            + "evaluated with at least 20 in the month and 60 in the baseline). New pipeline: the month's count against the baseline monthly mean "
            + "(warning below 0.7x, critical below 0.5x). Cycle: median won cycle (warning at 1.25x, critical at 1.5x).",
            Typography.Small, spaceAfter: 6));
        if (data.Warnings.Count == 0)
        {
            composer.Item(new TextElement(WarningText.NoWarnings + ".", Typography.BodyBold, spaceAfter: 10));
            return;
        }
        TableColumn[] columns =
        [
            new("Severity", 0.8f), new("Segment", 1.5f), new("Metric", 2.4f), new("Month", 0.9f),
            new("Current", 0.9f, true), new("n", 0.6f, true), new("Baseline", 0.9f, true), new("n", 0.6f, true), new("z", 0.6f, true),
        ];
        composer.Table(columns, data.Warnings.Select(row =>
        {
            var fill = row.Text("severity") == "critical" ? CriticalFill : WarningFill;
            var metric = row.Text("metric");
            string Value(double? value) => metric switch
            {
                "pipeline_creation" => value?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "–",
                "cycle_time" => HealthFormat.Days(value),
                _ => HealthFormat.Percent(value),
            };
            return (IReadOnlyList<TableCell>)
            [
                new TableCell(row.Text("severity") ?? "", fill, Typography.TableHeader),
                new TableCell(WarningText.Segment(row), fill),
                new TableCell(WarningText.What(row), fill),
                new TableCell(row.Date("month") is { } month ? HealthFormat.Month(month) : "–", fill),
                new TableCell(Value(row.Double("current_value")), fill),
                new TableCell(HealthFormat.Count(row.Long("current_n")), fill),
                new TableCell(Value(row.Double("baseline_value")), fill),
                new TableCell(HealthFormat.Count(row.Long("baseline_n")), fill),
                new TableCell(HealthFormat.Score(row.Double("z_score")), fill),
            ];
        }));
    }

    private void ComposeStalled(PdfComposer composer)
    {
        composer.Heading(new TextElement($"Largest stalled deals ({Scope}, top {HealthData.StalledLimit} by amount)", Typography.Heading), 60);
        composer.Item(new TextElement(
            "Open deals in their current stage for more than twice that stage's median duration over the last 365 days.",
            Typography.Small, spaceAfter: 6));
        if (data.Stalled.Count == 0)
        {
            composer.Item(new TextElement("No stalled deals.", Typography.BodyBold));
            return;
        }
        TableColumn[] columns =
        [
            new("Deal", 2.2f), new("Account", 1.5f), new("Rep", 1.2f), new("Team", 1.5f), new("Stage", 1.5f),
            new("Days in stage", 1f, true), new("Amount", 0.9f, true), new("Expected close", 1.1f, true),
        ];
        composer.Table(columns, data.Stalled.Select(row => (IReadOnlyList<TableCell>)
        [
            row.Text("deal_name") ?? row.Text("deal_id") ?? "",
            row.Text("account_name") ?? "",
            row.Text("rep_name") ?? "",
            row.Text("team") ?? "",
            (row.Text("current_stage") ?? "").Replace('_', ' '),
            row.Double("days_in_stage") is { } days ? days.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "–",
            AmountText(row.Decimal("amount")),
            HealthFormat.Date(row.Date("expected_close_date")),
        ]));
    }
}

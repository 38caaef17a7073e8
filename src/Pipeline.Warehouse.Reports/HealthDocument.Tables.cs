using Pipeline.Warehouse.Reports.Pdf;
using SkiaSharp;

namespace Pipeline.Warehouse.Reports;

/// <summary>The table pages: every early warning of the scope with its severity colour, and the largest stalled deals.</summary>
internal sealed partial class HealthDocument
{
    private static readonly SKColor CriticalFill = new(0xF8, 0xCB, 0xAD);
    private static readonly SKColor WarningFill = new(0xFF, 0xF2, 0xCC);

    private void ComposeWarningTable(PdfComposer composer)
    {
        var warnings = Warnings;
        composer.Item(new SpacerElement(8));
        composer.Heading(new TextElement(team is null ? "Every early warning" : $"Every early warning of team {team}", Typography.Heading), 80);
        composer.Item(new TextElement(
            $"{HealthFormat.Month(LatestMonth)} against the 6 months before it, pooled. Rates (stage conversion, win rate): a warning when significantly lower "
            + "(two-proportion z-test, z <= -2; critical at z <= -3), evaluated with at least 20 in the month and 60 in the baseline. "
            + "New pipeline: the month's count against the baseline monthly mean (warning below 0.7x, critical below 0.5x). "
            + "Cycle: median won cycle (warning at 1.25x, critical at 1.5x).",
            Typography.Small, spaceAfter: 6));
        if (warnings.Count == 0)
        {
            composer.Item(new TextElement((team is null ? WarningText.NoWarnings : $"{WarningText.NoWarnings} in team {team}'s deals") + ".", Typography.BodyBold, spaceAfter: 10));
            return;
        }
        TableColumn[] columns =
        [
            new("Severity", 0.8f), new("Segment", 1.7f), new("Metric", 2.6f), new("Month", 0.9f),
            new("Month's figure", 1f, true), new("n", 0.6f, true), new("Baseline", 1f, true), new("n", 0.6f, true),
        ];
        composer.Table(columns, warnings.Select(row =>
        {
            var fill = row.Severity == "critical" ? CriticalFill : WarningFill;
            return (IReadOnlyList<TableCell>)
            [
                new TableCell(row.Severity, fill, Typography.TableHeader),
                new TableCell(WarningText.Segment(row, Labels), fill),
                new TableCell(WarningText.Capitalized(WarningText.What(row, Labels)), fill),
                new TableCell(HealthFormat.Month(row.Month), fill),
                new TableCell(WarningText.Value(row, row.CurrentValue), fill),
                new TableCell(HealthFormat.Count(row.CurrentN), fill),
                new TableCell(WarningText.Value(row, row.BaselineValue), fill),
                new TableCell(HealthFormat.Count(row.BaselineN), fill),
            ];
        }));
    }

    private void ComposeStalled(PdfComposer composer)
    {
        var deals = set.OpenDeals(team: team, stalledOnly: true, limit: ReportSet.StalledLimit);
        composer.Heading(new TextElement($"Largest stalled deals ({ScopeName}, top {ReportSet.StalledLimit})", Typography.Heading), 60);
        composer.Item(new TextElement(
            "Open deals in their current stage for more than twice that stage's median duration over the last 365 days; "
            + "largest first; deals without an amount by days in stage.",
            Typography.Small, spaceAfter: 6));
        if (deals.Count == 0)
        {
            composer.Item(new TextElement("No stalled deals.", Typography.BodyBold));
            return;
        }
        List<TableColumn> columns = [new("Deal", 2.2f), new("Account", 1.5f), new("Rep", 1.2f)];
        if (team is null)
            columns.Add(new("Team", 1.5f));
        columns.AddRange([new("Stage", 1.5f), new("Days in stage", 1f, true), new("Amount", 0.9f, true), new("Expected close", 1.1f, true)]);
        composer.Table(columns, deals.Select(deal =>
        {
            var cells = new List<TableCell> { deal.DealName ?? deal.DealId, deal.AccountName ?? "", deal.RepName ?? "" };
            if (team is null)
                cells.Add(deal.Team ?? "");
            cells.AddRange(
            [
                Labels.Stage(deal.Stage),
                deal.DaysInStage is { } days ? days.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "–",
                AmountText(deal.Amount),
                HealthFormat.Date(deal.ExpectedCloseDate),
            ]);
            return (IReadOnlyList<TableCell>)cells;
        }));
    }
}

using Pipeline.Warehouse.Reports.Pdf;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// The pipeline movement page: how the pipeline expected to close in the current quarter and month
/// moved from their first day to the as-of date (marts.pipeline_waterfall), a sentence and a bridge
/// chart each, where each end's deals come from, and the largest deals behind each movement of the
/// quarter (marts.pipeline_waterfall_deals).
/// </summary>
internal sealed partial class HealthDocument
{
    private void ComposeWaterfall(PdfComposer composer)
    {
        var quarter = set.CurrentWaterfall(Scope, "quarter");
        var month = set.CurrentWaterfall(Scope, "month");
        composer.PageBreak();
        composer.Heading(new TextElement(team is null ? "How the pipeline moved" : $"How team {team}'s pipeline moved", Typography.Heading), 200);
        composer.Item(new TextElement(WaterfallText.Sentence(quarter, Symbol), Typography.BodyBold, spaceAfter: 4));
        composer.Item(new TextElement(WaterfallText.Sentence(month, Symbol), Typography.Body, spaceAfter: 6));
        if (quarter.Count == 0 || month.Count == 0)
            return;
        composer.Item(new ColumnsElement(14,
            new ChartElement($"{HealthFormat.Period("quarter", quarter[0].PeriodStart)}: from its first day to {HealthFormat.Date(quarter[0].ThroughDate)}", HealthCharts.Waterfall(quarter, Symbol), 165),
            new ChartElement($"{HealthFormat.Period("month", month[0].PeriodStart)}: from its first day to {HealthFormat.Date(month[0].ThroughDate)}", HealthCharts.Waterfall(month, Symbol), 165)));
        composer.Item(new TextElement(WaterfallText.Sources([quarter[0], month[0]]), Typography.Small, spaceAfter: 4));
        composer.Item(new TextElement(WaterfallText.Definitions + (team is null ? "" : " A deal counts in the team of its owner at the as-of date."), Typography.Small, spaceAfter: 8));
        ComposeWaterfallDeals(composer, quarter[0]);
    }

    private void ComposeWaterfallDeals(PdfComposer composer, WaterfallRow quarter)
    {
        var deals = set.WaterfallDeals(Scope, ReportSet.WaterfallDealsLimit)
            .Where(deal => deal.PeriodType == "quarter" && deal.Movement is not ("start" or "end")).ToList();
        composer.Heading(new TextElement(
            $"Largest deals behind each movement of {HealthFormat.Period("quarter", quarter.PeriodStart)} (top {ReportSet.WaterfallDealsLimit} each)", Typography.Heading), 60);
        if (deals.Count == 0)
        {
            composer.Item(new TextElement("No deal entered or left the quarter's pipeline.", Typography.BodyBold));
            return;
        }
        List<TableColumn> columns = [new("Movement", 1.1f), new("Deal", 2.2f), new("Rep", 1.2f)];
        if (team is null)
            columns.Add(new("Team", 1.1f));
        columns.AddRange([new("Stage", 1.3f), new("Amount", 0.9f, true), new("What happened", 2.6f)]);
        composer.Table(columns, deals.Select(deal =>
        {
            var cells = new List<TableCell> { WaterfallText.Movement(deal.Movement), deal.DealName ?? deal.DealId, deal.RepName ?? "" };
            if (team is null)
                cells.Add(deal.Team ?? "");
            cells.AddRange([deal.Stage is null ? "" : Labels.Stage(deal.Stage), AmountText(deal.Amount), WaterfallText.Detail(deal, Symbol)]);
            return (IReadOnlyList<TableCell>)cells;
        }));
    }
}

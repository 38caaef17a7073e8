using Pipeline.Warehouse.Reports.Pdf;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// One health report PDF (executive, or a team's): page 1 is the summary (headline KPIs with the
/// change against the prior month, the top early warnings in plain words); then the charts, the
/// full early-warning table, the largest stalled deals, and a last page of definitions and
/// data-quality notes. Composed as ComposeHeader / ComposeContent on a <see cref="PdfComposer"/>.
/// </summary>
internal sealed partial class HealthDocument(HealthData data)
{
    public const int TopWarnings = 6;

    private string Scope => data.Team is null ? "all teams" : $"team {data.Team}";

    private string PriorMonthName => HealthFormat.Month(data.CurrentMonth.AddMonths(-1));

    public void Save(string path)
    {
        var title = data.Team is null ? "Pipeline health: executive summary" : $"Pipeline health: team {data.Team}";
        var composer = new PdfComposer(title, $"As of {HealthFormat.Date(data.AsOf)} · Pipeline Warehouse · {Scope}");
        ComposeHeader(composer, title);
        ComposeContent(composer);
        composer.Write(path);
    }

    private void ComposeHeader(PdfComposer composer, string title)
    {
        composer.Item(new TextElement(title, Typography.Title, maxLines: 2));
        composer.Item(new TextElement(
            $"As of {HealthFormat.Date(data.AsOf)}. Headline figures are for {HealthFormat.Month(data.CurrentMonth)}, the latest complete month, "
            + $"against {PriorMonthName}; scope: {(data.Team is null ? "every deal" : $"the deals of the current reps of team {data.Team}")}.",
            Typography.Body.WithColor(Typography.Muted), spaceAfter: 2));
        composer.Item(new TextElement($"{data.LoadLabel}.", Typography.Small, spaceAfter: 6));
    }

    private void ComposeContent(PdfComposer composer)
    {
        composer.Item(new KpiTilesElement(Kpis(), perRow: 4));
        ComposeTopWarnings(composer);
        composer.PageBreak();
        ComposeCharts(composer);
        ComposeWarningTable(composer);
        ComposeStalled(composer);
        composer.PageBreak();
        ComposeNotes(composer);
    }

    /// <summary>An amount with the reporting currency's symbol, whole: "$1,234,567".</summary>
    private string AmountText(decimal? value) => HealthFormat.Amount(value, data.CurrencySymbol);

    private string AmountText(double? value) => HealthFormat.Amount(value, data.CurrencySymbol);

    private List<KpiTile> Kpis()
    {
        var current = data.Current;
        var prior = data.Prior;
        var priorMonth = data.CurrentMonth.AddMonths(-1);
        double? Amount(ReportRow row, string column) => (double?)row.Decimal(column);
        double? WinRate(ReportRow row) => HealthFormat.Ratio(row.Long("won_count"), row.Long("closed_count"));
        double? Coverage(ReportRow row) => row.Decimal("quota_remaining") is { } left && left > 0 ? (double)(row.Decimal("open_amount") ?? 0) / (double)left : null;
        bool? Up(double? now, double? before) => now is null || before is null || now == before ? null : now > before;

        var tiles = new List<KpiTile>
        {
            new("Bookings (amount won)", AmountText(current.Decimal("won_amount")),
                HealthFormat.Deals(current.Long("won_count")) + "; " + HealthFormat.Change(Amount(current, "won_amount"), Amount(prior, "won_amount"), priorMonth, AmountText),
                Up(Amount(current, "won_amount"), Amount(prior, "won_amount"))),
            new("Win rate", HealthFormat.Percent(WinRate(current)),
                $"{HealthFormat.Count(current.Long("won_count"))} of {HealthFormat.Count(current.Long("closed_count"))} closed; " + HealthFormat.PointChange(WinRate(current), WinRate(prior), priorMonth),
                Up(WinRate(current), WinRate(prior))),
            new("Velocity (per day)", AmountText(data.VelocityCurrent),
                HealthFormat.Change(data.VelocityCurrent, data.VelocityPrior, priorMonth, AmountText),
                Up(data.VelocityCurrent, data.VelocityPrior)),
            new("New pipeline", AmountText(current.Decimal("new_amount")),
                HealthFormat.Deals(current.Long("new_count")) + "; " + HealthFormat.Change(Amount(current, "new_amount"), Amount(prior, "new_amount"), priorMonth, AmountText),
                Up(Amount(current, "new_amount"), Amount(prior, "new_amount"))),
            new("Open pipeline", AmountText(current.Decimal("open_amount")),
                HealthFormat.Deals(current.Long("open_count")) + "; " + HealthFormat.Change(Amount(current, "open_amount"), Amount(prior, "open_amount"), priorMonth, AmountText),
                Up(Amount(current, "open_amount"), Amount(prior, "open_amount"))),
            new("Median won cycle", HealthFormat.Days(current.Double("median_cycle_days")),
                HealthFormat.Change(current.Double("median_cycle_days"), prior.Double("median_cycle_days"), priorMonth, HealthFormat.Days),
                Up(prior.Double("median_cycle_days"), current.Double("median_cycle_days"))),
        };
        if (current.Decimal("quota") is not null)
            tiles.Add(new("Coverage vs quota", Coverage(current) is { } coverage ? $"{coverage:0.0}x" : "quota met",
                $"open pipeline / quota left ({AmountText(current.Decimal("quota_remaining"))}); {(Coverage(prior) is { } before ? $"{before:0.0}x" : "–")} in {PriorMonthName}",
                Up(Coverage(current), Coverage(prior))));
        return tiles;
    }

    private void ComposeTopWarnings(PdfComposer composer)
    {
        composer.Heading(new TextElement("Early warnings", Typography.Heading, spaceAfter: 4), 40);
        composer.Item(new TextElement(
            $"Segments whose {HealthFormat.Month(data.CurrentMonth)} fell significantly below the 6 months before it (company-wide, worst first).",
            Typography.Small, spaceAfter: 6));
        if (data.Warnings.Count == 0)
        {
            composer.Item(new TextElement(WarningText.NoWarnings, Typography.BodyBold));
            return;
        }
        foreach (var warning in data.Warnings.Take(TopWarnings))
        {
            var severity = warning.Text("severity") == "critical" ? Typography.BodyBold.WithColor(Typography.Worse) : Typography.BodyBold.WithColor(new SkiaSharp.SKColor(0xB2, 0x6A, 0x00));
            composer.Item(new BulletElement(warning.Text("severity") ?? "", severity, WarningText.Sentence(warning), Typography.Body));
        }
        if (data.Warnings.Count > TopWarnings)
            composer.Item(new TextElement($"{data.Warnings.Count - TopWarnings} more in the early-warning table.", Typography.Small));
    }
}

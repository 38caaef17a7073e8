using Pipeline.Warehouse.Reports.Pdf;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// One health report PDF, the executive one (<c>team</c> null: the company) or a team's. Page 1
/// answers "will we make the month and the quarter, and where is it weakening": the forecast
/// sentence of each current period, its won-so-far chart with the forecast range, how far to trust
/// the forecast (its backtest against two baselines), and the top early warnings in words. Page 2
/// opens with the headline tiles of the latest complete month against the month before; a team's
/// report then has its reps' table; both go on to how the quarter's and the month's pipeline moved (the waterfall), the funnel, trends and heat map, velocity by segment, every early warning,
/// the largest stalled deals, and a last page of definitions and data-quality notes. Every figure
/// is a mart's, read once by <see cref="ReportSet"/>; this class chooses rows and words and formats
/// them. Composed as ComposeHeader / ComposeContent on a <see cref="PdfComposer"/>.
/// </summary>
internal sealed partial class HealthDocument(ReportSet set, string? team)
{
    public const int TopWarnings = 6;

    private ScopeKey Scope => ScopeKey.Of(team);

    private Labels Labels => set.Labels;

    private string Symbol => set.Context.CurrencySymbol;

    /// <summary>The latest complete month M, the month of the tiles, the funnel and the warnings.</summary>
    private DateOnly LatestMonth => set.Context.LatestCompleteMonth;

    private DateOnly PriorMonth => LatestMonth.AddMonths(-1);

    private string ScopeName => team is null ? "all teams" : $"team {team}";

    /// <summary>The scope's own early warnings, worst first: the company's, or the team's (marts.team_warnings).</summary>
    private List<WarningRow> Warnings => set.Warnings[team ?? string.Empty].ToList();

    public void Save(string path) => Compose().Write(path);

    /// <summary>Lays the report out on its pages (then <see cref="PdfComposer.Write"/>, or <see cref="PdfComposer.WritePngs"/> to look at it).</summary>
    internal PdfComposer Compose()
    {
        var title = team is null ? "Pipeline health: executive summary" : $"Pipeline health: team {team}";
        var composer = new PdfComposer(title, $"As of {HealthFormat.Date(set.AsOf)} · Pipeline Warehouse · {ScopeName}");
        ComposeHeader(composer, title);
        ComposeContent(composer);
        return composer;
    }

    private void ComposeHeader(PdfComposer composer, string title)
    {
        composer.Item(new TextElement(title, Typography.Title, maxLines: 2));
        composer.Item(new TextElement(
            $"As of {HealthFormat.Date(set.AsOf)}; scope: {(team is null ? "every deal" : $"the deals of the current reps of team {team}")}. "
            + $"The month and the quarter with their forecast first; the tiles compare {HealthFormat.Month(LatestMonth)}, the latest complete month, with {HealthFormat.Month(PriorMonth)}. "
            + set.LoadLabel + ".",
            Typography.Small, spaceAfter: 6));
    }

    private void ComposeContent(PdfComposer composer)
    {
        ComposeHeadline(composer);
        ComposeTopWarnings(composer);
        // The tiles follow on page 1 when they fit, else open page 2.
        ComposeTiles(composer);
        composer.Item(new SpacerElement(8));
        if (team is not null)
        {
            ComposeReps(composer, team);
            composer.Item(new SpacerElement(8));
        }
        ComposeWaterfall(composer);
        ComposeCharts(composer);
        ComposeWarningTable(composer);
        ComposeStalled(composer);
        composer.PageBreak();
        ComposeNotes(composer);
    }

    /// <summary>An amount with the reporting currency's symbol, whole: "$1,234,567".</summary>
    private string AmountText(decimal? value) => HealthFormat.Amount(value, Symbol);

    private string AmountText(double? value) => HealthFormat.Amount(value, Symbol);

    /// <summary>A compact amount for sentences: "$5.7M".</summary>
    private string Compact(decimal? value) => HealthFormat.Compact(value, Symbol);
}

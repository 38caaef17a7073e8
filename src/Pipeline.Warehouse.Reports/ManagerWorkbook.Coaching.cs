using System.Globalization;
using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

internal sealed partial class ManagerWorkbook
{
    public static readonly string[] CoachingColumns =
        ["Rep ID", "Rep", "Step", "Rep exits", "Rep conversion", "Rest of team exits", "Rest of team conversion", "vs rest of team", "Coaching tip"];

    /// <summary>marts.rep_stage_comparison rows of the team's reps at the used stages: weaker ones first, in words.</summary>
    private void WriteCoaching(SheetWriter sheet)
    {
        var used = set.Labels.Used.Select(stage => stage.Stage).ToHashSet(StringComparer.Ordinal);
        var rows = Members
            .SelectMany(rep => set.StageComparisons[rep.RepId].Where(row => used.Contains(row.Stage)).Select(row => (Rep: rep, Row: row)))
            .OrderBy(item => item.Row.Verdict switch { "weaker" => 0, "stronger" => 1, "about the same" => 2, _ => 3 })
            .ThenBy(item => item.Rep.Name, StringComparer.Ordinal)
            .ThenBy(item => item.Rep.RepId, StringComparer.Ordinal)
            .ThenBy(item => item.Row.StageOrder)
            .ToList();
        sheet.Title($"Team {team}: coaching",
            $"Each rep's stage conversion against the rest of the team, pooled, over the 180 days to the end of {AsOfText}; weaker steps first. As of {AsOfText}.");
        const int headerRow = 4;
        sheet.Header(headerRow, 1, CoachingColumns);
        var row = headerRow + 1;
        foreach (var (rep, comparison) in rows)
        {
            sheet.Text(row, 1, rep.RepId);
            sheet.Text(row, 2, rep.Name);
            sheet.Text(row, 3, set.Labels.Step(comparison.Stage));
            sheet.Number(row, 4, comparison.RepExits, Formats.Count);
            sheet.Number(row, 5, comparison.RepConversion, Formats.Percent);
            sheet.Number(row, 6, comparison.PeerExits, Formats.Count);
            sheet.Number(row, 7, comparison.PeerConversion, Formats.Percent);
            WorkbookWords.Verdict(sheet, row, 8, comparison.Verdict);
            if (comparison.Verdict == "weaker")
            {
                sheet.Text(row, 9, CoachingTips.For(comparison.Stage), measure: false);
                sheet.Sheet.Range(row, 1, row, CoachingColumns.Length).Style.Fill.BackgroundColor = XLColor.FromHtml(Formats.FlagFill);
            }
            row++;
        }
        sheet.Table(headerRow, row - 1, CoachingColumns.Length);
        row++;
        if (!rows.Any(item => item.Row.Verdict == "weaker"))
            sheet.Note(row++, Members.Count > 1
                ? "No weak step against the rest of the team in the last 180 days."
                : "Team of one: no peers to compare against, so no coaching flags.");
        sheet.Note(row++, "Weaker or stronger: a two-proportion test with at least 10 exits of the rep and 30 of the rest of the team, at two standard errors; " +
            "\"too few exits\" below those minimums; otherwise \"about the same\". The same verdicts as each rep's Funnel sheet.");
        sheet.Finish();
        sheet.Sheet.Column(9).Width = 60;
    }

    /// <summary>The team's own early warnings (marts.team_warnings) in words, and its sales velocity by segment at the as-of date (marts.velocity_by_scope).</summary>
    private void WriteWarnings(SheetWriter sheet)
    {
        var warnings = set.Warnings[team].ToList();
        sheet.Title($"Team {team}: early warnings and velocity",
            $"Drops of the latest complete month against the 6 months before it, within the team's deals; then sales velocity by segment at the end of {AsOfText}. As of {AsOfText}.");
        const int headerRow = 4;
        sheet.Header(headerRow, 1, "Severity", "Segment", "What", "Month", "Latest month", "Baseline (6 months)", "Deals in the month", "Deals in the baseline", "In words");
        var row = headerRow + 1;
        foreach (var warning in warnings)
        {
            var format = warning.Metric switch
            {
                "pipeline_creation" => "#,##0.0",
                "cycle_time" => Formats.Days,
                _ => Formats.Percent,
            };
            var severity = sheet.Text(row, 1, warning.Severity);
            severity.Style.Font.Bold = true;
            severity.Style.Font.FontColor = XLColor.FromHtml(warning.Severity == "critical" ? Formats.Worse : "#B45F06");
            sheet.Text(row, 2, set.Labels.Segment(warning.SegmentType, warning.SegmentValue));
            sheet.Text(row, 3, WarningText.Capitalized(What(warning)));
            sheet.Date(row, 4, warning.Month, Formats.Month);
            sheet.Number(row, 5, warning.CurrentValue, format);
            sheet.Number(row, 6, warning.BaselineValue, format);
            sheet.Number(row, 7, warning.CurrentN, Formats.Count);
            sheet.Number(row, 8, warning.BaselineN, Formats.Count);
            sheet.Text(row, 9, Sentence(warning), measure: false);
            row++;
        }
        sheet.Table(headerRow, row - 1, 9);
        row++;
        if (warnings.Count == 0)
            sheet.Note(row++, "No segment of the team shows a significant drop in the latest complete month.");
        sheet.Note(row++, "A warning: a conversion or win rate significantly below the baseline (two-proportion test, at least 20 in the month and 60 in the baseline; critical at three standard errors), " +
            "new pipeline below 0.7x the baseline's monthly mean (critical below 0.5x), or the median won cycle 1.25x the baseline's or longer (critical at 1.5x).");

        row++;
        sheet.Section(row++, "Sales velocity by segment, at the as-of date");
        var velocityHeader = row;
        sheet.Header(row++, 1, "Segment", "Open opportunities", "Win rate (365 days)", "Average won deal", "Average won cycle", "Velocity per day");
        var velocity = set.Velocity[ScopeKey.ForTeam(team)].Where(v => v.Point == "as_of").ToList();
        foreach (var segment in velocity)
        {
            sheet.Text(row, 1, set.Labels.Segment(segment.SegmentType, segment.SegmentValue));
            sheet.Number(row, 2, segment.OpenOpportunities, Formats.Count);
            sheet.Number(row, 3, segment.WinRate, Formats.Percent);
            sheet.Number(row, 4, segment.AvgWonAmount, Formats.Currency);
            sheet.Number(row, 5, segment.AvgCycleDays, Formats.Days);
            sheet.Number(row, 6, segment.VelocityPerDay, Formats.Currency);
            row++;
        }
        if (velocity.Count == 0)
            sheet.Note(row++, "No velocity figures for this team.");
        else
            sheet.Sheet.Range(velocityHeader + 1, 6, row - 1, 6).AddConditionalFormat().DataBar(XLColor.FromHtml("#5B9BD5")).LowestValue().HighestValue();
        sheet.Note(row + 1, "Velocity = open opportunities x win rate x average won amount / average won cycle, over the deals closed in the 365 days before the as-of date (amount per day).");
        sheet.Finish();
        sheet.Sheet.Column(1).Width = 34;
    }

    private string What(WarningRow warning) => warning.Metric switch
    {
        "stage_conversion" => $"{(warning.Stage is null ? "stage" : set.Labels.Step(warning.Stage))} conversion",
        "win_rate" => "win rate",
        "pipeline_creation" => "new pipeline (deals a month)",
        "cycle_time" => "median won sales cycle",
        var other => other,
    };

    private string Sentence(WarningRow warning)
    {
        string Percent(double? value) => value is { } v ? v.ToString("0.#%", CultureInfo.InvariantCulture) : "-";
        string Days(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + " days" : "-";
        var detail = warning.Metric switch
        {
            "pipeline_creation" => $"fell to {warning.CurrentN} deals from a monthly mean of {warning.BaselineValue?.ToString("0.0", CultureInfo.InvariantCulture)}",
            "cycle_time" => $"rose to {Days(warning.CurrentValue)} from {Days(warning.BaselineValue)}",
            _ => $"fell to {Percent(warning.CurrentValue)} from {Percent(warning.BaselineValue)}",
        };
        return $"{set.Labels.Segment(warning.SegmentType, warning.SegmentValue)}: {What(warning)} {detail}";
    }
}

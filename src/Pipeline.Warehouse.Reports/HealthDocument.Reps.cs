using System.Globalization;
using Pipeline.Warehouse.Reports.Pdf;
using SkiaSharp;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// The team report's reps: per current period (quarter, then month) every current rep of the team
/// (marts.period_attainment rep rows), highest attainment first and reps without a quota last, then
/// the team's own row and its median rep (marts.team_medians); coaching flags from
/// marts.rep_stage_comparison in words.
/// </summary>
internal sealed partial class HealthDocument
{
    private static readonly SKColor TotalFill = new(0xEE, 0xF3, 0xF8);

    private void ComposeReps(PdfComposer composer, string team)
    {
        composer.Item(new TextElement($"Reps of team {team}", Typography.Heading));
        composer.Item(new TextElement(
            "Won to date against quota, and the open deals (reached opportunity) expected to close before the period ends against the quota still to win; "
            + "from open: what the rep's open deals are expected to bring before the period ends (any open deal, by its chance); forecast: won plus that, plus what deals not yet created are expected to bring (marts.forecast_scopes); "
            + "overdue deals (expected close already passed) are beside it, never counted. Coaching: a stage where the rep converts significantly "
            + "less than the rest of the team over the last 180 days.",
            Typography.Small, spaceAfter: 6));
        var names = set.MembersOf(team).ToDictionary(rep => rep.RepId);
        foreach (var periodType in new[] { "quarter", "month" })
        {
            var teamRow = set.Attainment[ScopeKey.ForTeam(team)].FirstOrDefault(row => row.PeriodType == periodType && row.Period == "current");
            if (teamRow is null)
                continue;
            var reps = set.RepAttainment(team)
                .Where(row => row.PeriodType == periodType && row.Period == "current")
                .OrderBy(row => row.Attainment is null)
                .ThenByDescending(row => row.Attainment)
                .ThenBy(row => RepName(names, row.Scope.RepId), StringComparer.Ordinal)
                .ToList();
            composer.Heading(new TextElement(HealthFormat.Period(periodType, teamRow.PeriodStart) + " to date", Typography.BodyBold, spaceAfter: 3), 60);
            TableColumn[] columns =
            [
                new("Rep", 1.9f), new("Quota", 1f, true), new("Won", 1f, true), new("Attainment", 1f, true), new("Still to win", 1f, true),
                new("Open in period", 1.4f, true), new("Coverage", 0.85f, true), new("From open", 1.05f, true), new("Forecast", 1f, true),
                new("Stalled", 0.7f, true), new("Overdue", 1.3f, true), new("Coaching", 1f),
            ];
            var rows = reps.Select(row => (IReadOnlyList<TableCell>)
            [
                RepName(names, row.Scope.RepId),
                AmountText(row.Quota),
                AmountText(row.WonToDate),
                HealthFormat.Percent(row.Attainment),
                AmountText(row.Gap),
                AmountText(row.OpenInPeriod),
                HealthFormat.Multiple(row.Coverage),
                AmountText(ForecastOf(row.Scope, periodType)?.ExpectedFromOpen),
                AmountText(ForecastOf(row.Scope, periodType)?.ForecastTotal),
                HealthFormat.Count(row.StalledDeals),
                Overdue(row.OverdueOpen, row.OverdueDeals),
                string.Join("; ", WeakSteps(row.Scope.RepId).Select(step => "weak at " + step.Step)),
            ]).ToList();
            rows.Add(
            [
                new TableCell("Team total", TotalFill, Typography.TableHeader),
                new TableCell(AmountText(teamRow.Quota), TotalFill),
                new TableCell(AmountText(teamRow.WonToDate), TotalFill),
                new TableCell(HealthFormat.Percent(teamRow.Attainment), TotalFill),
                new TableCell(AmountText(teamRow.Gap), TotalFill),
                new TableCell(AmountText(teamRow.OpenInPeriod), TotalFill),
                new TableCell(HealthFormat.Multiple(teamRow.Coverage), TotalFill),
                new TableCell(AmountText(ForecastOf(teamRow.Scope, periodType)?.ExpectedFromOpen), TotalFill),
                new TableCell(AmountText(ForecastOf(teamRow.Scope, periodType)?.ForecastTotal), TotalFill),
                new TableCell(HealthFormat.Count(teamRow.StalledDeals), TotalFill),
                new TableCell(Overdue(teamRow.OverdueOpen, teamRow.OverdueDeals), TotalFill),
                new TableCell("", TotalFill),
            ]);
            if (set.TeamMedians[team].FirstOrDefault(row => row.PeriodType == periodType && row.Period == "current") is { } median)
                rows.Add(
                [
                    $"Median rep (of {HealthFormat.Count(median.Reps)})",
                    AmountText(median.Quota),
                    AmountText(median.WonToDate),
                    HealthFormat.Percent(median.Attainment),
                    AmountText(median.Gap),
                    AmountText(median.OpenInPeriod),
                    HealthFormat.Multiple(median.Coverage),
                    "",
                    "",
                    Number(median.StalledDeals),
                    median.OverdueDeals is 0 or null ? Number(median.OverdueDeals) : $"{AmountText(median.OverdueOpen)} ({Number(median.OverdueDeals)})",
                    "",
                ]);
            composer.Table(columns, rows);
        }
        var flagged = names.Values.OrderBy(rep => rep.Name, StringComparer.Ordinal)
            .Select(rep => (Rep: rep, Steps: WeakSteps(rep.RepId)))
            .Where(item => item.Steps.Count > 0)
            .ToList();
        composer.Heading(new TextElement("Coaching flags", Typography.BodyBold, spaceAfter: 3), 30);
        if (flagged.Count == 0)
            composer.Item(new TextElement("No rep of the team converts significantly less than its peers at any stage over the last 180 days.", Typography.Body));
        foreach (var (rep, steps) in flagged)
            composer.Item(new BulletElement(RepName(names, rep.RepId), Typography.BodyBold,
                string.Join("; ", steps.Select(step => $"weak at {step.Step}: {HealthFormat.Percent(step.Row.RepConversion)} of {HealthFormat.Count(step.Row.RepExits)} exits, "
                    + $"the rest of the team {HealthFormat.Percent(step.Row.PeerConversion)} of {HealthFormat.Count(step.Row.PeerExits)}")),
                Typography.Body, gutter: 120));
    }

    /// <summary>The scope's forecast of the current period of a type (marts.forecast_scopes).</summary>
    private ForecastRow? ForecastOf(ScopeKey scope, string periodType) => set.Forecast(scope, periodType);

    /// <summary>The stages where the rep is weaker than its peers (verdict 'weaker'), as steps in pipeline order.</summary>
    private List<(string Step, StageComparisonRow Row)> WeakSteps(string? repId) => repId is null
        ? []
        : set.StageComparisons[repId].Where(row => row.Verdict == "weaker").OrderBy(row => row.StageOrder)
            .Select(row => (Labels.Step(row.Stage), row)).ToList();

    private static string RepName(Dictionary<string, RosterRep> names, string? repId)
    {
        if (repId is null || !names.TryGetValue(repId, out var rep))
            return repId ?? "";
        var name = rep.Name.Length > 0 ? rep.Name : rep.RepId;
        return rep.IsActive == false ? name + " (inactive)" : name;
    }

    private string Overdue(decimal amount, long deals) => deals == 0 ? "0" : $"{AmountText(amount)} ({HealthFormat.Count(deals)})";

    private static string Number(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "–";
}

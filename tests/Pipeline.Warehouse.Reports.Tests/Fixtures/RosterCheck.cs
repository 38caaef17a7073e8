using ClosedXML.Excel;
using FluentAssertions;

namespace Pipeline.Warehouse.Reports.Tests.Fixtures;

/// <summary>A manager workbook's roster against marts.period_attainment and marts.team_medians, read cell by cell.</summary>
public static class RosterCheck
{
    private const string Figures = "quota, won_to_date, attainment, gap, open_in_period, coverage, stalled_deals, overdue_deals";

    public static void Manager(BuiltWarehouse warehouse, string path, string team)
    {
        using var workbook = new XLWorkbook(path);
        var roster = workbook.Worksheet(ManagerWorkbook.RosterSheet);
        var reps = warehouse.Rows("select rep_id from marts.report_reps where team = $team", ("team", team)).Select(row => (string)row[0]!).ToList();
        foreach (var (type, title) in new[] { ("quarter", "This quarter"), ("month", "This month") })
        {
            var section = roster.Column(1).CellsUsed().First(cell => cell.GetString().StartsWith(title, StringComparison.Ordinal)).Address.RowNumber;
            var first = section + 2;
            var ids = Enumerable.Range(first, reps.Count).Select(row => roster.Cell(row, 1).GetString()).ToList();
            ids.Should().BeEquivalentTo(reps, $"{path} {type}: every current rep of the team, once");
            double? last = double.MaxValue;
            foreach (var (repId, row) in ids.Select((id, i) => (id, first + i)))
            {
                var mart = warehouse.Rows($"select {Figures} from marts.period_attainment where scope_type = 'rep' and rep_id = $rep and period_type = $type and period = 'current'",
                    ("rep", repId), ("type", type)).Single();
                Compare(roster, row, mart, $"{path} {type} {repId}");
                var attainment = mart[2] is null ? (double?)null : Convert.ToDouble(mart[2]);
                if (last is null)
                    attainment.Should().BeNull("reps without a quota come last");
                else if (attainment is not null)
                    attainment.Should().BeLessThanOrEqualTo(last.Value, "highest attainment first");
                last = attainment;
            }
            var totalRow = first + reps.Count;
            roster.Cell(totalRow, 1).GetString().Should().Be(ManagerWorkbook.TeamTotal);
            var total = warehouse.Rows($"select {Figures} from marts.period_attainment where scope_type = 'team' and team = $team and period_type = $type and period = 'current'",
                ("team", team), ("type", type)).Single();
            Compare(roster, totalRow, total, $"{path} {type} total");
            roster.Cell(totalRow + 1, 1).GetString().Should().Be(ManagerWorkbook.TeamMedian);
            var median = warehouse.Rows($"select {Figures} from marts.team_medians where team = $team and period_type = $type and period = 'current'",
                ("team", team), ("type", type)).Single();
            Compare(roster, totalRow + 1, median, $"{path} {type} median");
        }
    }

    private static void Compare(IXLWorksheet roster, int row, object?[] mart, string because)
    {
        for (var i = 0; i < mart.Length; i++)
            roster.Cell(row, 4 + i).ShouldShow(mart[i], $"{because} column {4 + i}");
    }
}

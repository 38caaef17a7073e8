namespace Pipeline.Warehouse.Demo.Tests;

public sealed class DemoGeneratorContentTests(DemoDataFixture demo) : IClassFixture<DemoDataFixture>
{
    [Theory]
    [InlineData("deals.csv")]
    [InlineData("stage_history.csv")]
    [InlineData("reps.csv")]
    [InlineData("quotas.csv")]
    public void Generate_AnyFile_StartsWithExactHeaderAsUtf8WithoutBomAndLfOnly(string file) =>
        CanonicalExport.HasExactHeaderAsUtf8WithoutBomAndLfOnly(Path.Combine(demo.Directory, file), CanonicalExport.Headers[file]);

    [Fact]
    public void Generate_AnyRow_HasAsManyFieldsAsItsHeader() =>
        CanonicalExport.RowsHaveAsManyFieldsAsTheHeader(demo.Deals, demo.History, demo.Reps, demo.Quotas);

    [Fact]
    public void Generate_DefaultOptions_SummaryMatchesFileRowCounts()
    {
        demo.Summary.Deals.Should().Be(5000);
        demo.Deals.Rows.Should().HaveCount(5000);
        demo.Summary.HistoryRows.Should().Be(demo.History.Rows.Count);
        demo.Summary.Reps.Should().Be(demo.Reps.Rows.Count);
        demo.Summary.QuotaRows.Should().Be(demo.Quotas.Rows.Count);
        demo.Summary.Teams.Should().Be(5);
    }

    [Fact]
    public void Generate_Deals_AreCreatedInTheTwentyFourMonthsBeforeAsOfInstant()
    {
        int column = demo.Deals["created_at"];
        var first = new DateTime(2024, 12, 1, 0, 0, 0, DateTimeKind.Utc);

        demo.Deals.Rows.Select(row => Timestamps.Parse(row[column])).Should()
            .OnlyContain(created => created >= first && created < DemoDataFixture.End);
    }

    [Fact]
    public void Generate_History_EveryEntryIsBeforeAsOfInstant() => CanonicalExport.HistoryIsBefore(demo.History, DemoDataFixture.End);

    [Fact]
    public void Generate_History_IsContiguousAndChronologicalPerDealStartingAtCreation() =>
        CanonicalExport.HistoryIsContiguousAndChronologicalPerDealStartingAtCreation(demo.Deals, demo.History);

    [Fact]
    public void Generate_Deals_StageIsTheLastHistoryLabel() => CanonicalExport.StageIsTheLastHistoryLabel(demo.Deals, demo.History);

    [Fact]
    public void Generate_AnyRepIdInDealsHistoryOrQuotas_IsARowOfReps() => CanonicalExport.RepIdsAreRowsOfReps(demo.Deals, demo.History, demo.Reps, demo.Quotas);

    [Fact]
    public void Generate_DefaultDeals_UseAllNineLeadTypeLabels()
    {
        string[] expected = ["Inbound", "MQL", "SQL", "Warm Call", "Target Account", "Friends/Family", "Event", "Referral", "Re-engaged"];

        demo.Deals.Rows.Select(row => row[demo.Deals["lead_type"]]).Distinct().Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void Generate_DefaultDeals_UseEveryModernAndLegacyStageLabelAndNoOther()
    {
        var labels = demo.History.Rows.Select(row => row[demo.History["stage"]]).ToHashSet();

        labels.Should().BeEquivalentTo(StageOrders.ModernLabels.Union(StageOrders.LegacyLabels));
        demo.Deals.Rows.Select(row => row[demo.Deals["stage"]]).Should().OnlyContain(label => labels.Contains(label));
    }

    [Fact]
    public void Generate_DefaultDeals_LeaveAboutOnePercentWithoutHistory()
    {
        var withHistory = demo.History.Rows.Select(row => row[0]).ToHashSet();

        int without = demo.Deals.Rows.Count(row => !withHistory.Contains(row[0]));

        // 1% of 5,000 is 50; a seeded draw lands well inside 20..100.
        without.Should().BeInRange(20, 100);
    }

    [Fact]
    public void Generate_DefaultDeals_WriteSomeHistoryRowsTwiceIdentically()
    {
        int duplicates = demo.History.Rows.Count - demo.History.Rows.Select(row => string.Join(',', row)).Distinct().Count();

        // 0.3% of about 35,000 rows is about 100.
        duplicates.Should().BeInRange(30, 300);
    }

    [Theory]
    [InlineData("Smith, Jones & Co")]
    [InlineData("The \"Best\" Widgets")]
    [InlineData("\"Quoted\" Ventures, Inc.")]
    public void Generate_AccountNameNeedingQuotes_RoundTripsAsRfc4180(string account)
    {
        string quoted = "\"" + account.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        string[] lines = File.ReadAllLines(Path.Combine(demo.Directory, "deals.csv"));

        string line = lines.First(candidate => candidate.Contains("," + quoted + ",", StringComparison.Ordinal));
        string[] fields = CsvTable.SplitLine(line);

        fields.Should().HaveCount(15);
        fields[demo.Deals["account_name"]].Should().Be(account);
        fields[demo.Deals["deal_name"]].Should().Be(account + " - " + fields[demo.Deals["product"]]);
    }

    [Fact]
    public void Generate_Quotas_CoverWholeQuartersForSellersOnly()
    {
        var managers = demo.Reps.Rows.Select(row => row[demo.Reps["manager_id"]]).Where(id => id.Length > 0).ToHashSet();

        foreach (string[] quota in demo.Quotas.Rows)
        {
            var start = DateOnly.ParseExact(quota[1], "yyyy-MM-dd");
            var end = DateOnly.ParseExact(quota[2], "yyyy-MM-dd");
            start.Day.Should().Be(1);
            (start.Month % 3).Should().Be(1, "quarters start in January, April, July and October");
            end.Should().Be(start.AddMonths(3).AddDays(-1));
            (long.Parse(quota[3], System.Globalization.CultureInfo.InvariantCulture) % 5000).Should().Be(0);
            managers.Should().NotContain(quota[0], "managers and the VP carry no quota");
        }

        // 24 months back from 2026-11-30 starts in Q4 2024; the current quarter is Q4 2026: 9 quarters.
        demo.Quotas.Rows.Select(row => row[1]).Distinct().Should().HaveCount(9);
    }
}

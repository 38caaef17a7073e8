using Pipeline.Warehouse.Reports.Benchmarks;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>The benchmark table in our terms: metric, fit and note, the shipped figures, and the old format.</summary>
public sealed class BenchmarkFitTests : IDisposable
{
    private const string Header = "metric,stage,lead_type,value,fit,note,source,year,definition,url";
    private const string OldHeader = "metric,stage,lead_type,value,source,year,definition,url";
    private readonly string _folder = Directory.CreateTempSubdirectory("pw-benchmark-fit-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
        return path;
    }

    [Fact]
    public void Shipped_Loads_EveryFigureHasSourceYearDefinitionUrl_AndANoteWhenApproximate()
    {
        var table = BenchmarkTable.Default();

        table.IsOldFormat.Should().BeFalse();
        table.Warning.Should().BeNull();
        table.Rows.Should().NotBeEmpty();
        foreach (var row in table.Rows)
        {
            row.Source.Should().NotBeNullOrWhiteSpace();
            row.Year.Should().BeInRange(2010, DateTime.UtcNow.Year);
            row.Definition.Length.Should().BeGreaterThan(20, $"line {row.Line} states what the figure measures");
            row.Url.Should().StartWith("http", $"line {row.Line} says where the figure was read");
            BenchmarkTable.MetricNames.Should().Contain(row.Metric);
            if (row.IsApproximate)
            {
                row.Note.Should().StartWith("Approximate: ", $"line {row.Line} is approximate, so a reader sees how it differs");
                row.Note!.Length.Should().BeGreaterThan(40);
            }
        }
    }

    [Fact]
    public void Shipped_WinRateBenchmark_IsOpportunityToWon_NotLeadToWon()
    {
        var table = BenchmarkTable.Default();

        var winRate = table.Find(BenchmarkTable.OpportunityToWon)!;
        (winRate.Value, winRate.Year, winRate.Fit).Should().Be((0.30, 2014, BenchmarkFit.Approximate));
        winRate.Source.Should().StartWith("Implisit").And.Contain("21,000 opportunities");
        winRate.Url.Should().Contain("7-powerful-predictors-closed-won-opportunity");
        table.Rows.Should().NotContain(row => row.Metric == BenchmarkTable.WinRate, "win_rate is the old format's name");
        // Lead-to-won figures are typed as such, so nothing sets them beside a win rate.
        table.Rows.Where(row => row.Metric == BenchmarkTable.LeadToWon).Should().OnlyContain(row => row.Value < 0.05);
        table.Rows.Where(row => row.Metric == BenchmarkTable.OpportunityToWon).Should().ContainSingle();
    }

    [Fact]
    public void Shipped_HoldsTheVerifiedFigures_AndNoneOfTheDroppedOnes()
    {
        var table = BenchmarkTable.Default();

        table.Rows.Select(row => (row.Metric, row.Stage, row.LeadType, Math.Round(row.Value, 4), row.Fit, row.Year)).Should().BeEquivalentTo(new[]
        {
            ("lead_to_opportunity", (string?)null, (string?)null, 0.13, BenchmarkFit.Exact, 2014),
            ("lead_to_opportunity", null, "inbound", 0.313, BenchmarkFit.Approximate, 2014),
            ("lead_to_opportunity", null, "referral", 0.25, BenchmarkFit.Approximate, 2014),
            ("lead_to_opportunity", null, "event", 0.178, BenchmarkFit.Approximate, 2014),
            ("lead_to_opportunity", null, "sql", 0.59, BenchmarkFit.Approximate, 2019),
            ("lead_to_won", null, "referral", 0.0363, BenchmarkFit.Exact, 2014),
            ("lead_to_won", null, "inbound", 0.0155, BenchmarkFit.Approximate, 2014),
            ("opportunity_to_won", null, null, 0.30, BenchmarkFit.Approximate, 2014),
            ("stage_conversion", "connect_call", null, 0.0482, BenchmarkFit.Approximate, 2024),
            ("stage_conversion", "negotiation", null, 0.466, BenchmarkFit.Approximate, 2016),
            ("cycle_days", null, null, 60.0, BenchmarkFit.Approximate, 2017),
        }, options => options.WithStrictOrdering());
        // Implisit's 84 days is the time from lead to opportunity, not a sales cycle.
        table.Find(BenchmarkTable.CycleDays)!.Value.Should().Be(60);
        // A per-dial connect rate (Gong) is not a per-lead conversion: lead -> connect call has none.
        table.Find(BenchmarkTable.StageConversion, "lead").Should().BeNull();
        foreach (var stage in new[] { "discovery_call", "opportunity", "demo", "influencer_buy_in", "decision_maker_buy_in" })
            table.Find(BenchmarkTable.StageConversion, stage).Should().BeNull(stage);
        table.Rows.Should().OnlyContain(row => row.LeadType == null || row.Metric != BenchmarkTable.StageConversion);
    }

    [Fact]
    public void Load_NewFormat_ReadsFitAndNote_FindMatchesMetricStageAndLeadType()
    {
        var path = Write(Header,
            "opportunity_to_won,,,25%,exact,,Our review,2025,Won share of our closed opportunities,",
            "opportunity_to_won,,referral,0.4,Approximate,\"Approximate: referral deals, counted by account\",Study B,2024,\"Referral deals, \"\"won\"\"\",https://example.org/b",
            "stage_conversion,demo,,55%,EXACT,A note on an exact figure,Survey C,2023,Demos that reached influencer buy-in,",
            "lead_to_opportunity,,inbound,31%,exact,,Survey D,2022,Inbound leads that became opportunities,",
            "cycle_days,,,84.5,approximate,Approximate: counted from the first call,Report E,2025,Median days to a won close,");

        var table = BenchmarkTable.Load(path);

        table.IsOldFormat.Should().BeFalse();
        table.Rows.Should().HaveCount(5);
        var all = table.Find(BenchmarkTable.OpportunityToWon)!;
        (all.Value, all.Fit, all.Note, all.IsApproximate, all.Line).Should().Be((0.25, BenchmarkFit.Exact, (string?)null, false, 2));
        var referral = table.Find(BenchmarkTable.OpportunityToWon, leadType: "referral")!;
        (referral.Value, referral.Fit, referral.Note, referral.Definition, referral.Url)
            .Should().Be((0.4, BenchmarkFit.Approximate, "Approximate: referral deals, counted by account", "Referral deals, \"won\"", "https://example.org/b"));
        table.Find(BenchmarkTable.StageConversion, "demo")!.Note.Should().Be("A note on an exact figure");
        table.Find(BenchmarkTable.StageConversion, "opportunity").Should().BeNull();
        table.Find(BenchmarkTable.LeadToOpportunity).Should().BeNull("the only lead-to-opportunity figure is for inbound leads");
        table.Find(BenchmarkTable.LeadToOpportunity, null, "inbound")!.Value.Should().Be(0.31);
        table.Find(BenchmarkTable.CycleDays)!.Value.Should().Be(84.5);
        table.Find(BenchmarkTable.WinRate).Should().BeNull();
    }

    [Fact]
    public void Load_NewFormat_ColumnsInAnyOrder_UrlMayBeLeftOut()
    {
        var path = Write("source,year,definition,metric,value,fit,note,stage,lead_type",
            "S,2024,Share of won opportunities,opportunity_to_won,21%,approximate,Approximate: self-reported,,");

        var row = BenchmarkTable.Load(path).Rows.Single();

        (row.Metric, row.Value, row.Fit, row.Note, row.Url).Should().Be(("opportunity_to_won", 0.21, BenchmarkFit.Approximate, "Approximate: self-reported", (string?)null));
    }

    [Theory]
    [InlineData("win_rate,,,21%,exact,,S,2024,D,", 1, "metric \"win_rate\" is the old format's name; a published win rate is compared with opportunity_to_won")]
    [InlineData("forecast,,,21%,exact,,S,2024,D,", 1, "metric \"forecast\" is not one of stage_conversion, lead_to_opportunity, opportunity_to_won, lead_to_won, cycle_days")]
    [InlineData("stage_conversion,,,21%,exact,,S,2024,D,", 2, "a stage_conversion needs the stage it converts from, one of lead, connect_call")]
    [InlineData("opportunity_to_won,negotiation,,21%,exact,,S,2024,D,", 2, "opportunity_to_won is not a figure for one stage, so its stage must be empty; found \"negotiation\"")]
    [InlineData("lead_to_won,,website,2%,exact,,S,2024,D,", 3, "lead_type \"website\" is not a canonical lead type")]
    [InlineData("lead_to_opportunity,,,13 %x,exact,,S,2024,D,", 4, "value \"13 %x\" is not a number")]
    [InlineData("lead_to_opportunity,,,,exact,,S,2024,D,", 4, "value is empty; give a rate such as 21% or 0.21")]
    [InlineData("opportunity_to_won,,,30%,,,S,2024,D,", 5, "fit is empty; give exact or approximate")]
    [InlineData("opportunity_to_won,,,30%,rough,,S,2024,D,", 5, "fit \"rough\" is not one of exact, approximate")]
    [InlineData("opportunity_to_won,,,30%,approximate,,S,2024,D,", 6, "note is empty; an approximate figure needs the sentence a reader sees beside it")]
    [InlineData("cycle_days,,,60,exact,,,2017,D,", 7, "source is empty")]
    [InlineData("cycle_days,,,60,exact,,S,,D,", 8, "year is empty")]
    [InlineData("cycle_days,,,60,exact,,S,'17,D,", 8, "year \"'17\" is not a four-digit year")]
    [InlineData("cycle_days,,,60,exact,,S,2017,,", 9, "definition is empty")]
    public void Load_BadRow_NamesFileLineColumnAndWhatItExpects(string row, int column, string expected)
    {
        var path = Write(Header, "lead_to_opportunity,,,13%,exact,,S,2014,A good row,", row);

        var act = () => BenchmarkTable.Load(path);

        act.Should().Throw<BenchmarkFileException>()
            .Which.Message.Should().StartWith($"Benchmark file {path}, line 3, column {column}: ")
            .And.Contain(expected).And.EndWith("See README \"Benchmarks\" for the format.");
    }

    [Fact]
    public void Load_TooManyFields_NamesTheLine()
    {
        var path = Write(Header, "opportunity_to_won,,,30%,approximate,Approximate: a, b,S,2014,D,,extra");

        var act = () => BenchmarkTable.Load(path);

        act.Should().Throw<BenchmarkFileException>().WithMessage($"Benchmark file {path}, line 2: the record has 12 fields but the header has 10; quote values that contain commas*");
    }

    [Theory]
    [InlineData("metric,stage,lead_type,value,fit,source,year,definition,url", "note")]
    [InlineData("metric,stage,lead_type,value,note,source,year,definition,url", "fit")]
    [InlineData("metric,stage,value,fit,note,source,year,definition", "lead_type")]
    public void Load_HeaderHalfwayToTheNewFormat_SaysWhichColumnsToAdd(string header, string missing)
    {
        var path = Write(header);

        var act = () => BenchmarkTable.Load(path);

        act.Should().Throw<BenchmarkFileException>().WithMessage($"Benchmark file {path}, line 1: the header lacks {missing}; the columns are {Header}*");
    }

    [Fact]
    public void Load_SameKeyTwice_NamesBothLines()
    {
        var path = Write(Header,
            "lead_to_opportunity,,referral,25%,exact,,S,2014,D,",
            "lead_to_opportunity,,,13%,exact,,S,2014,D,",
            "lead_to_opportunity,,referral,24%,exact,,T,2015,E,");

        var act = () => BenchmarkTable.Load(path);

        act.Should().Throw<BenchmarkFileException>().WithMessage($"Benchmark file {path}, line 4: it repeats the figure of line 2 (lead_to_opportunity for referral)*");
    }

    [Fact]
    public void Load_OldFormat_ReadsEveryFigureAsApproximateWithANote_AndSaysWhichColumnsToAdd()
    {
        var path = Write(OldHeader,
            "win_rate,,,21%,Our review,2025,Won share of closed deals,",
            "stage_conversion,discovery_call,,40%,Our review,2025,Discovery calls that became opportunities,",
            "cycle_days,,,84,Our review,2025,Median days from start to a won close,https://example.org");

        var table = BenchmarkTable.Load(path);

        table.IsOldFormat.Should().BeTrue();
        table.Rows.Should().OnlyContain(row => row.Fit == BenchmarkFit.Approximate && row.Note != null && row.Note.StartsWith("Approximate: "));
        var winRate = table.Find(BenchmarkTable.OpportunityToWon)!;
        (winRate.Value, winRate.Note, winRate.Line).Should().Be((0.21, BenchmarkTable.OldFormatWinRateNote, 2));
        table.Find(BenchmarkTable.WinRate).Should().BeNull();
        table.Find(BenchmarkTable.StageConversion, "discovery_call")!.Note.Should().Be(BenchmarkTable.OldFormatNote);
        table.Find(BenchmarkTable.CycleDays)!.Value.Should().Be(84);
        table.Warning.Should().StartWith($"Benchmark file {table.Path} is in the old format")
            .And.Contain("Add the columns fit (exact or approximate) and note").And.Contain("write win_rate as opportunity_to_won");
    }

    [Fact]
    public void Load_OldFormat_BadRowStillNamesFileLineAndColumn()
    {
        var path = Write(OldHeader, "win_rate,,,21%,Somebody,,A definition,");

        var act = () => BenchmarkTable.Load(path);

        act.Should().Throw<BenchmarkFileException>().WithMessage($"Benchmark file {path}, line 2, column 6: year is empty*");
    }
}

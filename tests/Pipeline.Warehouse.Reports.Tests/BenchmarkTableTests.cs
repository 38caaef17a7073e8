using Pipeline.Warehouse.Reports.Benchmarks;

namespace Pipeline.Warehouse.Reports.Tests;

public sealed class BenchmarkTableTests : IDisposable
{
    private const string Header = "metric,stage,lead_type,value,source,year,definition,url";
    private readonly string _folder = Directory.CreateTempSubdirectory("pw-benchmarks-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
        return path;
    }

    [Fact]
    public void Default_EveryFigure_HasSourceYearAndDefinition()
    {
        var table = BenchmarkTable.Default();

        table.IsOldFormat.Should().BeFalse();
        table.Rows.Should().NotBeEmpty();
        table.Rows.Should().OnlyContain(row => row.Source.Length > 0 && row.Year >= 2000 && row.Definition.Length > 20 && row.Url != null);
        // The published win rate is an opportunity-to-won figure; the old-format name finds nothing.
        table.Find(BenchmarkTable.OpportunityToWon)!.Value.Should().Be(0.30);
        table.Find(BenchmarkTable.WinRate).Should().BeNull();
        // No published figure for these steps was found: the table says none, it does not invent one.
        table.Find(BenchmarkTable.StageConversion, "discovery_call").Should().BeNull();
        table.Find(BenchmarkTable.StageConversion, "demo").Should().BeNull();
    }

    [Fact]
    public void Load_RatesAsPercentOrFraction_DaysAndLeadTypes()
    {
        var path = Write(Header,
            "stage_conversion,discovery_call,,40%,Survey A,2024,Share of discovery calls that become opportunities,",
            "stage_conversion,demo,referral,0.55,\"Study B, vol. 2\",2023,\"Demo to buy-in, \"\"referral\"\" deals\",https://example.org/b",
            "cycle_days,,,84.5,Report C,2025,Median days from creation to close of won deals,");

        var table = BenchmarkTable.Load(path);

        table.Rows.Should().HaveCount(3);
        table.Find(BenchmarkTable.StageConversion, "discovery_call")!.Value.Should().BeApproximately(0.40, 1e-12);
        table.Find(BenchmarkTable.StageConversion, "demo").Should().BeNull("the only demo figure is for referrals");
        var referral = table.Rows[1];
        (referral.LeadType, referral.Value, referral.Source, referral.Definition, referral.Url, referral.Line)
            .Should().Be(("referral", 0.55, "Study B, vol. 2", "Demo to buy-in, \"referral\" deals", "https://example.org/b", 3));
        table.Find(BenchmarkTable.CycleDays)!.Value.Should().Be(84.5);
    }

    [Theory]
    [InlineData("forecast,,,21%,S,2024,D,", 2, 1, "metric \"forecast\" is not one of stage_conversion, lead_to_opportunity, opportunity_to_won, lead_to_won, cycle_days")]
    [InlineData("stage_conversion,closed_won,,21%,S,2024,D,", 2, 2, "a stage_conversion needs the stage it converts from")]
    [InlineData("win_rate,demo,,21%,S,2024,D,", 2, 2, "its stage must be empty")]
    [InlineData("win_rate,,partner,21%,S,2024,D,", 2, 3, "lead_type \"partner\" is not a canonical lead type")]
    [InlineData("win_rate,,,21 percent,S,2024,D,", 2, 4, "value \"21 percent\" is not a number")]
    [InlineData("win_rate,,,120%,S,2024,D,", 2, 4, "a rate must lie between 0% and 100%")]
    [InlineData("cycle_days,,,-3,S,2024,D,", 2, 4, "must be a positive number of days")]
    [InlineData("win_rate,,,21%,,2024,D,", 2, 5, "source is empty")]
    [InlineData("win_rate,,,21%,S,24,D,", 2, 6, "year \"24\" is not a four-digit year")]
    [InlineData("win_rate,,,21%,S,2024,,", 2, 7, "definition is empty")]
    public void Load_BadRow_NamesFileLineColumnAndWhatItExpects(string row, int line, int column, string expected)
    {
        var path = Write(Header, row);

        var act = () => BenchmarkTable.Load(path);

        act.Should().Throw<BenchmarkFileException>()
            .Which.Message.Should().StartWith($"Benchmark file {path}, line {line}, column {column}: ")
            .And.Contain(expected).And.Contain("README \"Benchmarks\"");
    }

    [Fact]
    public void Load_SameFigureTwice_NamesBothLines()
    {
        var path = Write(Header, "win_rate,,,21%,S,2024,D,", "", "win_rate,,,25%,T,2025,E,");

        var act = () => BenchmarkTable.Load(path);

        act.Should().Throw<BenchmarkFileException>().WithMessage($"Benchmark file {path}, line 4: it repeats the figure of line 2 (opportunity_to_won)*");
    }

    [Fact]
    public void Load_HeaderWithoutSource_SaysWhatEveryFigureNeeds()
    {
        var path = Write("\uFEFFmetric,stage,lead_type,value,year,definition", "win_rate,,,21%,2024,D");

        var act = () => BenchmarkTable.Load(path);

        act.Should().Throw<BenchmarkFileException>().WithMessage($"Benchmark file {path}, line 1: the header lacks source;*");
    }

    [Fact]
    public void Load_UnknownHeaderColumn_NamesIt()
    {
        var path = Write(Header + ",notes", "win_rate,,,21%,S,2024,D,,x");

        var act = () => BenchmarkTable.Load(path);

        act.Should().Throw<BenchmarkFileException>().WithMessage($"Benchmark file {path}, line 1, column 9: the header names \"notes\"*");
    }

    [Fact]
    public void Load_MissingFile_SaysHowToFixIt()
    {
        var act = () => BenchmarkTable.Load(Path.Combine(_folder, "nope.csv"));

        act.Should().Throw<BenchmarkFileException>().WithMessage("*does not exist*--benchmarks*");
    }
}

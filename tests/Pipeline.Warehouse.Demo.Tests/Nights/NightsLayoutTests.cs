namespace Pipeline.Warehouse.Demo.Tests.Nights;

[Collection(NightsDataFixture.Collection)]
public sealed class NightsLayoutTests(NightsDataFixture data)
{
    [Fact]
    public void Generate_ThirtyNights_WritesADateFolderPerNightEndingAtAsOfTheRedeliveryAndTheRecord()
    {
        // 30 nights ending 2026-11-30 start on 2026-11-01; the re-delivered night is a third of the way in: night 10, 2026-11-11.
        string[] expected =
        [
            .. Enumerable.Range(1, 30).Select(day => $"2026-11-{day:D2}"),
            "2026-11-11_redelivered",
            "truth",
        ];

        Directory.GetDirectories(data.Directory).Select(Path.GetFileName).Should().BeEquivalentTo(expected);
        data.Nights.Select(night => night.Date).Should().Equal(Enumerable.Range(0, 30).Select(day => new DateOnly(2026, 11, 1).AddDays(day)));
    }

    [Fact]
    public void Generate_EachNight_IsAValidCanonicalExport()
    {
        foreach (NightFolder night in data.Nights)
        {
            CanonicalExport.Check(night.Directory, night.End);
        }
    }

    [Fact]
    public void Generate_EachNightFolder_HoldsTheExportAndAnEmptySuccessMarkerWrittenLast()
    {
        foreach (string folder in data.Nights.Select(night => night.Directory).Append(Path.Combine(data.Directory, "2026-11-11_redelivered")))
        {
            string marker = Path.Combine(folder, NightsGenerator.SuccessMarker);
            string[] files = [.. Directory.GetFiles(folder).Where(file => file != marker)];

            files.Select(Path.GetFileName).Should().BeSubsetOf(CanonicalExport.Headers.Keys).And.Contain(["deals.csv", "reps.csv", "quotas.csv"]);
            new FileInfo(marker).Length.Should().Be(0);
            files.Should().OnlyContain(file => File.GetLastWriteTimeUtc(file) <= File.GetLastWriteTimeUtc(marker), "the marker says the folder is complete");
        }
    }

    [Fact]
    public void Generate_ThirtyNights_LeaveOutStageHistoryOnExactlyOneNightBetweenFullOnes()
    {
        NightFolder[] without = [.. data.Nights.Where(night => night.History is null)];

        // Two thirds of the way in: night 20, 2026-11-21.
        without.Should().ContainSingle().Which.Date.Should().Be(new DateOnly(2026, 11, 21));
        data.NightsRecord.Rows.Where(row => row[data.NightsRecord["has_stage_history"]] == "false").Select(row => row[0]).Should().Equal("2026-11-21");
    }

    [Fact]
    public void Generate_RedeliveredNight_IsByteIdenticalToItsNightAndNamedInTheRecord()
    {
        string night = Path.Combine(data.Directory, "2026-11-11");
        string copy = Path.Combine(data.Directory, "2026-11-11_redelivered");

        Directory.GetFiles(copy).Select(Path.GetFileName).Should().BeEquivalentTo(Directory.GetFiles(night).Select(Path.GetFileName));
        foreach (string file in Directory.GetFiles(night).Select(path => Path.GetFileName(path)))
        {
            TempDirectories.Hash(copy, file).Should().Be(TempDirectories.Hash(night, file), file);
        }

        data.NightsRecord.Rows.Where(row => row[data.NightsRecord["redelivered_as"]].Length > 0)
            .Select(row => (row[0], row[data.NightsRecord["redelivered_as"]]))
            .Should().Equal(("2026-11-11", "2026-11-11_redelivered"));
    }

    [Fact]
    public void Generate_EachNight_HasTheQuotasOfTheLastNight()
    {
        string last = TempDirectories.Hash(data.Nights[^1].Directory, "quotas.csv");

        data.Nights.Should().OnlyContain(night => TempDirectories.Hash(night.Directory, "quotas.csv") == last);
    }

    [Fact]
    public void Generate_FewerThanThreeNights_ThrowsNamingTheMinimum()
    {
        Action generate = () => NightsGenerator.Generate(new DemoOptions(Path.Combine(data.Directory, "unused"), AsOf: NightsDataFixture.AsOf), 2);

        generate.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*At least 3 nights*");
    }

    [Fact]
    public void Generate_AnotherDialect_ThrowsNamingTheCanonicalOne()
    {
        var options = new DemoOptions(Path.Combine(data.Directory, "unused"), AsOf: NightsDataFixture.AsOf) { Dialect = DemoDialect.Salesforce };

        Action generate = () => NightsGenerator.Generate(options, 5);

        generate.Should().Throw<ArgumentException>().WithMessage("*canonical*");
    }
}

namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>The scaled roster (<see cref="DemoOptions.Reps"/> &gt; 0) and the default roster staying as it was.</summary>
public sealed class DemoGeneratorRepsTests : IDisposable
{
    private static readonly string[] Files = ["deals.csv", "stage_history.csv", "reps.csv", "quotas.csv"];
    private readonly TempDirectories folders = new();

    [Fact]
    public void Generate_Reps120_Writes120SalesRepsInTeamsOfAboutEight()
    {
        string directory = NewDirectory();

        DemoSummary summary = DemoGenerator.Generate(new DemoOptions(directory, Deals: 3000, Seed: 3, AsOf: DemoDataFixture.AsOf, Reps: 120));

        CsvTable reps = CsvTable.Read(Path.Combine(directory, "reps.csv"));
        var managers = reps.Rows.Select(r => r[reps["manager_id"]]).Where(id => id.Length > 0).ToHashSet();
        var sellers = reps.Rows.Where(r => r[reps["manager_id"]].Length > 0 && !managers.Contains(r[0])).ToList();
        sellers.Should().HaveCount(120);
        summary.Teams.Should().Be(15);
        summary.Reps.Should().Be(1 + 15 + 120);
        reps.Rows.Should().HaveCount(summary.Reps);
        sellers.GroupBy(r => r[reps["team"]]).Should().HaveCount(15).And.OnlyContain(g => g.Count() == 8);
        sellers.Select(r => r[reps["region"]]).Distinct().Should().BeEquivalentTo(["North America", "EMEA", "APAC", "LATAM"]);
        reps.Rows[0][0].Should().Be("R0001");
    }

    [Fact]
    public void Generate_Reps120_IdsNamesAndEmailsAreUnique()
    {
        string directory = NewDirectory();

        DemoGenerator.Generate(new DemoOptions(directory, Deals: 3000, AsOf: DemoDataFixture.AsOf, Reps: 120));

        CsvTable reps = CsvTable.Read(Path.Combine(directory, "reps.csv"));
        reps.Rows.Select(r => r[reps["rep_id"]]).Should().OnlyHaveUniqueItems().And.OnlyContain(id => id.Length == 5 && id[0] == 'R');
        reps.Rows.Select(r => r[reps["rep_name"]]).Should().OnlyHaveUniqueItems();
        reps.Rows.Select(r => r[reps["email"]]).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Generate_Reps120_EveryReferencedRepIdExists()
    {
        string directory = NewDirectory();

        DemoGenerator.Generate(new DemoOptions(directory, Deals: 3000, AsOf: DemoDataFixture.AsOf, Reps: 120));

        CsvTable reps = CsvTable.Read(Path.Combine(directory, "reps.csv"));
        CsvTable deals = CsvTable.Read(Path.Combine(directory, "deals.csv"));
        CsvTable history = CsvTable.Read(Path.Combine(directory, "stage_history.csv"));
        CsvTable quotas = CsvTable.Read(Path.Combine(directory, "quotas.csv"));
        var ids = reps.Rows.Select(r => r[0]).ToHashSet();
        deals.Rows.Select(r => r[deals["rep_id"]]).Should().OnlyContain(id => ids.Contains(id));
        quotas.Rows.Select(r => r[quotas["rep_id"]]).Should().OnlyContain(id => ids.Contains(id));
        reps.Rows.Select(r => r[reps["manager_id"]]).Where(id => id.Length > 0).Should().OnlyContain(id => ids.Contains(id));
        if (history.Header.Contains("rep_id"))
        {
            history.Rows.Select(r => r[history["rep_id"]]).Where(id => id.Length > 0).Should().OnlyContain(id => ids.Contains(id));
        }

        // With 25 deals a rep on average, nearly every seller owns some.
        deals.Rows.Select(r => r[deals["rep_id"]]).Distinct().Count().Should().BeGreaterThan(110);
    }

    [Fact]
    public void Generate_Reps120SameSeedTwice_WritesIdenticalBytes()
    {
        string first = NewDirectory();
        string second = NewDirectory();

        DemoGenerator.Generate(new DemoOptions(first, Deals: 2000, Seed: 9, AsOf: DemoDataFixture.AsOf, Reps: 120));
        DemoGenerator.Generate(new DemoOptions(second, Deals: 2000, Seed: 9, AsOf: DemoDataFixture.AsOf, Reps: 120));

        foreach (string file in Files)
        {
            Hash(first, file).Should().Be(Hash(second, file), $"{file} must not depend on anything but the options");
        }
    }

    [Fact]
    public void Generate_RepsZero_KeepsTheFixedRosterOf35SellersIn5Teams()
    {
        string directory = NewDirectory();

        DemoSummary summary = DemoGenerator.Generate(new DemoOptions(directory, Deals: 100, AsOf: DemoDataFixture.AsOf, Reps: 0));

        summary.Reps.Should().Be(41, "the VP, five managers and 35 sellers");
        summary.Teams.Should().Be(5);
        CsvTable reps = CsvTable.Read(Path.Combine(directory, "reps.csv"));
        reps.Rows.Select(r => r[0]).Should().Equal(Enumerable.Range(1, 41).Select(n => "R" + n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// The default demo (5,000 deals, seed 42, as of 2026-11-30) byte for byte as it was before the
    /// rep count existed. If the generator changes on purpose, update these hashes with the change.
    /// deals.csv has since gained its forecast_category column (without it, the bytes of before:
    /// DemoForecastCategoryTests).
    /// </summary>
    [Fact]
    public void Generate_DefaultOptions_WritesTheSameBytesAsBeforeRepsExisted()
    {
        string directory = NewDirectory();

        DemoGenerator.Generate(new DemoOptions(directory, AsOf: DemoDataFixture.AsOf));

        Hash(directory, "deals.csv").Should().Be("0F10CF2FCDC3E815452F788364AA0FDFA7EBE78D63F75999CC4E7C8B5A5D0FCB");
        Hash(directory, "stage_history.csv").Should().Be("EFF6D74AF22C07B6E8B4C9CEF3B112114E9690FDDA382707B8BC29212996519D");
        Hash(directory, "reps.csv").Should().Be("8161E8ACCE57D0F21784D4848DDC9EA750D3A44F9008A7A3B58D97D0017C6896");
        Hash(directory, "quotas.csv").Should().Be("307D0B7F798E8657BE9CCC82B94D5E865B2C501786783235B04702E68A6ACB86");
    }

    [Fact]
    public void Generate_NegativeReps_ThrowsNamingTheOption()
    {
        var options = new DemoOptions(NewDirectory(), Deals: 10, AsOf: DemoDataFixture.AsOf, Reps: -1);

        Action generate = () => DemoGenerator.Generate(options);

        generate.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Reps*");
    }

    public void Dispose() => folders.Dispose();

    private static string Hash(string directory, string file) => TempDirectories.Hash(directory, file);

    private string NewDirectory() => folders.New();
}

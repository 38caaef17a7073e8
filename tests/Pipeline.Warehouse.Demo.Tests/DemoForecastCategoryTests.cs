using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>
/// Every dialect writes the forecast category a rep would have set, decided from the deal's final
/// state without a draw from the generator's random stream: the files are the bytes of before with
/// one more column.
/// </summary>
public sealed class DemoForecastCategoryTests(DemoDataFixture demo) : IClassFixture<DemoDataFixture>, IDisposable
{
    private static readonly string[] Categories = ["pipeline", "best_case", "commit", "closed", "omitted"];

    private readonly TempDirectories folders = new();

    public void Dispose() => folders.Dispose();

    /// <summary>
    /// The default demo (5,000 deals, seed 42, as of 2026-11-30) without its forecast category column
    /// is byte for byte what the generator wrote before the column existed: these are the hashes of
    /// that generator's deals.csv, Opportunity.csv and HubSpot deals export.
    /// </summary>
    [Theory]
    [InlineData(DemoDialect.Canonical, "deals.csv", "forecast_category", "40D6EC37BC05D9C0DF70172AE050131F34E5157EFF7D80247A8EAFF90E76429E")]
    [InlineData(DemoDialect.Salesforce, "Opportunity.csv", "ForecastCategoryName", "79B584EF1928A4D83EC75808FF68D7E149D93BBE80C05FF1FC033DE50A82C445")]
    [InlineData(DemoDialect.HubSpot, "hubspot-crm-exports-all-deals.csv", "Forecast category", "8CFB80878EBEEDF6CC800AD1708AB7530FD17B6A775C6661A1D1D08466DA00E3")]
    public void Generate_DefaultOptions_DealsWithoutTheForecastCategoryAreTheBytesOfBefore(DemoDialect dialect, string file, string column, string hashBefore)
    {
        string directory = folders.New();
        DemoGenerator.Generate(new DemoOptions(directory, AsOf: DemoDataFixture.AsOf) { Dialect = dialect });
        string text = File.ReadAllText(Path.Combine(directory, file), new UTF8Encoding(false));
        int index = Array.IndexOf(CsvTable.SplitLine(text[..text.IndexOf('\n', StringComparison.Ordinal)]), column);

        index.Should().BeGreaterThanOrEqualTo(0, $"{file} has the column {column}");
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(WithoutField(text, index)))).Should().Be(hashBefore);
    }

    [Fact]
    public void Generate_Canonical_WonDealsClosedLostDealsOmittedEveryDealACategory()
    {
        int stage = demo.Deals["stage"];
        int category = demo.Deals["forecast_category"];

        demo.Deals.Rows.Should().OnlyContain(row => Categories.Contains(row[category]));
        demo.Deals.Rows.Where(row => row[stage] == "Closed won").Should().NotBeEmpty().And.OnlyContain(row => row[category] == "closed");
        demo.Deals.Rows.Where(row => row[stage] == "Closed lost").Should().NotBeEmpty().And.OnlyContain(row => row[category] == "omitted");
        demo.Deals.Rows.Where(row => row[category] == "closed").Should().OnlyContain(row => row[stage] == "Closed won");
    }

    [Fact]
    public void Generate_Canonical_OpenDealsCategorizedByStageAndCloseDateWithSomeNoise()
    {
        // Commit: decision-maker buy-in or negotiation (orders 7, 8) expected to close in the quarter
        // of the as-of date (2026-10-01 to 2026-12-31); best case: demo and influencer buy-in, or late
        // stages due later; pipeline: earlier stages. Noise moves a category one step at most (or
        // parks the deal as omitted), so a commit deal is never before demo and a pipeline deal never
        // past negotiation; and most deals keep their category.
        int stage = demo.Deals["stage"];
        int category = demo.Deals["forecast_category"];
        int close = demo.Deals["expected_close_date"];
        var open = demo.Deals.Rows
            .Select(row => (Order: StageOrders.ByLabel[row[stage]], Category: row[category], Close: DateOnly.Parse(row[close], System.Globalization.CultureInfo.InvariantCulture)))
            .Where(deal => deal.Order < StageOrders.Won)
            .ToList();
        string Rule((int Order, string Category, DateOnly Close) deal) => deal.Order switch
        {
            >= 7 when deal.Close >= new DateOnly(2026, 10, 1) && deal.Close <= new DateOnly(2026, 12, 31) => "commit",
            >= 5 => "best_case",
            _ => "pipeline",
        };

        open.Select(deal => deal.Category).Distinct().Should().BeEquivalentTo(Categories.Except(["closed"]));
        open.Where(deal => deal.Category == "commit").Should().OnlyContain(deal => deal.Order >= 5);
        open.Count(deal => deal.Category == Rule(deal)).Should().BeGreaterThan(open.Count * 80 / 100, "about 17% of open deals get noise");
        open.Count(deal => deal.Category == Rule(deal)).Should().BeLessThan(open.Count, "reps' judgement adds noise");
    }

    [Fact]
    public void Generate_SameOptionsAnyDialect_SameCategoryPerDeal()
    {
        // The category depends on the deal and the as-of date only: seed 7 in the three dialects.
        string canonical = folders.New();
        string salesforce = folders.New();
        DemoGenerator.Generate(new DemoOptions(canonical, Deals: 300, Seed: 7, AsOf: DemoDataFixture.AsOf));
        DemoGenerator.Generate(new DemoOptions(salesforce, Deals: 300, Seed: 7, AsOf: DemoDataFixture.AsOf) { Dialect = DemoDialect.Salesforce });
        CsvTable deals = CsvTable.Read(Path.Combine(canonical, "deals.csv"));
        ExportTable opportunities = ExportTable.Read(Path.Combine(salesforce, "Opportunity.csv"));
        var names = new Dictionary<string, string>
        {
            ["pipeline"] = "Pipeline", ["best_case"] = "Best Case", ["commit"] = "Commit", ["closed"] = "Closed", ["omitted"] = "Omitted",
        };

        opportunities.Rows.Select(row => row[opportunities["ForecastCategoryName"]])
            .Should().Equal(deals.Rows.Select(row => names[row[deals["forecast_category"]]]));
    }

    /// <summary>The CSV text without field <paramref name="index"/> of every record (and the comma before it), quotes respected.</summary>
    private static string WithoutField(string text, int index)
    {
        var kept = new StringBuilder(text.Length);
        int field = 0;
        bool quoted = false;
        foreach (char c in text)
        {
            if (quoted)
            {
                quoted = c != '"';
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                field++;
                if (field == index)
                {
                    continue;
                }
            }
            else if (c == '\n')
            {
                field = 0;
                kept.Append(c);
                continue;
            }

            if (field != index)
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}

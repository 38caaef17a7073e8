using DuckDB.NET.Data;
using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Tests.Dialects;

/// <summary>
/// The demo generator writes one pipeline in every dialect; loaded, the warehouses hold the same
/// facts and marts. The only difference allowed is what a format cannot say, listed here and in
/// README "What each dialect carries".
/// </summary>
public sealed class RoundTripTests : IClassFixture<RoundTripTests.Warehouses>
{
    private readonly Warehouses _warehouses;

    public RoundTripTests(Warehouses warehouses) => _warehouses = warehouses;

    /// <summary>Generates 1,500 deals (seed 11) in each dialect and runs the job on each.</summary>
    public sealed class Warehouses : IDisposable
    {
        private readonly TempFolder _folder = new();

        public Warehouses()
        {
            foreach (var dialect in new[] { DemoDialect.Canonical, DemoDialect.Salesforce, DemoDialect.HubSpot })
            {
                var input = _folder.File(dialect.ToString());
                DemoGenerator.Generate(new DemoOptions(input, 1500, 11, new DateOnly(2026, 11, 30)) { Dialect = dialect });
                Load(input, Path(dialect));
            }
            var lastVisits = _folder.File("LastVisits");
            Directory.CreateDirectory(lastVisits);
            foreach (var file in Directory.GetFiles(_folder.File(nameof(DemoDialect.Canonical))))
                File.Copy(file, System.IO.Path.Combine(lastVisits, System.IO.Path.GetFileName(file)));
            File.WriteAllLines(System.IO.Path.Combine(lastVisits, "stage_history.csv"), LastVisitPerLabel(System.IO.Path.Combine(lastVisits, "stage_history.csv")));
            Load(lastVisits, LastVisits);
        }

        public string Path(DemoDialect dialect) => _folder.File(dialect + ".duckdb");

        /// <summary>The canonical files with only what HubSpot's wide columns can carry.</summary>
        public string LastVisits => _folder.File("LastVisits.duckdb");

        private static void Load(string input, string warehouse) =>
            new Pipeline.Warehouse.Host.Etl.EtlJob(new Pipeline.Warehouse.Host.Etl.EtlOptions
            {
                Input = input,
                Warehouse = warehouse,
                AsOf = new DateOnly(2026, 11, 30),
            }, WarehouseRun.NullObserver.Instance).Run();

        /// <summary>
        /// What HubSpot's "Date entered" columns keep of a canonical stage_history.csv, worked out
        /// here independently of the generator: per deal and stage label, only the start of the
        /// last visit (a visit: consecutive rows with that label), with no rep, amount or close date.
        /// </summary>
        private static List<string> LastVisitPerLabel(string path)
        {
            var lines = File.ReadAllLines(path);
            lines.Skip(1).Should().OnlyContain(line => !line.Contains('"'), "the generator quotes no history field");
            var rows = lines.Skip(1).Select(line => line.Split(',')).ToList();
            var kept = new List<string> { lines[0] };
            foreach (var deal in rows.Select((fields, index) => (fields, index)).GroupBy(row => row.fields[0]))
            {
                var visits = new List<(string Label, string EnteredAt, int Index)>();
                foreach (var (fields, index) in deal)
                    if (visits.Count == 0 || visits[^1].Label != fields[1])
                        visits.Add((fields[1], fields[2], index));
                kept.AddRange(visits
                    .Where((visit, i) => !visits.Skip(i + 1).Any(later => later.Label == visit.Label))
                    .OrderBy(visit => visit.Index)
                    .Select(visit => $"{deal.Key},{visit.Label},{visit.EnteredAt},,,"));
            }
            return kept;
        }

        public void Dispose() => _folder.Dispose();
    }

    /// <summary>Every table of core and marts, leaving out the columns in <paramref name="unsaid"/> ("schema.table.column").</summary>
    private static List<string> Differences(string left, string right, params string[] unsaid)
    {
        var differences = WarehouseCompare.Differences(left, right, ["core", "marts"], unsaid);
        using var connection = new DuckDBConnection(Pipeline.Warehouse.Reports.WarehouseConnection.ConnectionString(left, readOnly: true));
        connection.Open();
        Sql.Scalar(connection, "select count(*) from duckdb_tables() where schema_name in ('core', 'marts')").Should().BeGreaterThanOrEqualTo(10, "every core and marts table is compared");
        return differences;
    }

    [Fact]
    public void Salesforce_SamePipeline_SameFactsAndMartsExceptTheSizeAsWritten()
    {
        // Salesforce has no size class: NumberOfEmployees is a count, so the size label as
        // exported (fact_deal.company_size_label) is the count; the class it maps to is the same.
        // The forecast category is written in each CRM's words (Best Case, Best case, best_case):
        // forecast_category_label differs, the normalized forecast_category is the same.
        Differences(_warehouses.Path(DemoDialect.Canonical), _warehouses.Path(DemoDialect.Salesforce), "core.fact_deal.company_size_label",
            "core.fact_deal.forecast_category_label")
            .Should().BeEmpty();
    }

    [Fact]
    public void HubSpot_SamePipeline_SameFactsAndMartsAsTheCanonicalFilesWithoutEarlierVisits()
    {
        // HubSpot keeps one date per stage label (the last visit) and no amount or close date per
        // stage; give the canonical files the same limits and the warehouses must be equal.
        Differences(_warehouses.LastVisits, _warehouses.Path(DemoDialect.HubSpot), "core.fact_deal.company_size_label",
            "core.fact_deal.forecast_category_label")
            .Should().BeEmpty();
    }

    [Fact]
    public void HubSpot_AgainstTheFullCanonicalFiles_DiffersOnlyWhereADealReenteredAStage()
    {
        // The lost earlier visits are real in this demo, so the full canonical warehouse differs in
        // the timelines and what is built on them, and in nothing the deals alone decide.
        // HubSpot's export has no amount or close-date history, so its values come from the export and
        // say so (amount_source, expected_close_date_source); the values themselves must be the same.
        var differences = Differences(_warehouses.Path(DemoDialect.Canonical), _warehouses.Path(DemoDialect.HubSpot), "core.fact_deal.company_size_label",
            "core.fact_deal.forecast_category_label", "core.fact_deal.amount_source", "core.fact_deal.expected_close_date_source");
        differences.Should().Contain(d => d.StartsWith("core.fact_stage_transition:", StringComparison.Ordinal));
        differences.Should().NotContain(d => d.StartsWith("core.fact_deal:", StringComparison.Ordinal) || d.StartsWith("core.dim_rep:", StringComparison.Ordinal)
            || d.StartsWith("marts.outcomes_monthly:", StringComparison.Ordinal));
    }

    [Fact]
    public void Salesforce_SizeAndForecastCategoryAsWritten_AreTheOnlyDifferencesAndTheyAreReal()
    {
        // The test above leaves out two columns; it must be because they differ, not by chance.
        Differences(_warehouses.Path(DemoDialect.Canonical), _warehouses.Path(DemoDialect.Salesforce), "core.fact_deal.forecast_category_label")
            .Should().Equal("core.fact_deal: " + Count() + " rows of l not in r", "core.fact_deal: " + Count() + " rows of r not in l");
        // Every deal's category is written differently: best_case / Best Case, pipeline / Pipeline...
        Differences(_warehouses.Path(DemoDialect.Canonical), _warehouses.Path(DemoDialect.Salesforce), "core.fact_deal.company_size_label")
            .Should().Equal("core.fact_deal: 1500 rows of l not in r", "core.fact_deal: 1500 rows of r not in l");

        long Count()
        {
            using var connection = new DuckDBConnection(Pipeline.Warehouse.Reports.WarehouseConnection.ConnectionString(_warehouses.Path(DemoDialect.Canonical), readOnly: true));
            connection.Open();
            return Sql.Scalar(connection, "select count(*) from core.fact_deal where company_size_label is not null and not regexp_full_match(company_size_label, '[0-9]+')");
        }
    }

    [Fact]
    public void EveryDialect_Demo_EveryDealHasAForecastCategoryWonClosedLostOmitted()
    {
        foreach (var dialect in new[] { DemoDialect.Canonical, DemoDialect.Salesforce, DemoDialect.HubSpot })
        {
            using var connection = new DuckDBConnection(Pipeline.Warehouse.Reports.WarehouseConnection.ConnectionString(_warehouses.Path(dialect), readOnly: true));
            connection.Open();

            Sql.Scalar(connection, "select count(*) from core.fact_deal where forecast_category is null or forecast_category_label is null").Should().Be(0, $"{dialect} writes every deal's category");
            Sql.Scalar(connection, "select count(*) from core.fact_deal where (status = 'won') <> (forecast_category = 'closed')").Should().Be(0, $"{dialect}: won deals, and only they, are closed");
            Sql.Scalar(connection, "select count(*) from core.fact_deal where status = 'lost' and forecast_category <> 'omitted'").Should().Be(0, $"{dialect}: lost deals are omitted");
            Sql.Scalar(connection, "select count(distinct forecast_category) from core.fact_deal where status = 'open'").Should().Be(4, $"{dialect}: open deals are pipeline, best case, commit or (a few) omitted");
            Sql.Scalar(connection, "select count(*) from marts.report_context where has_forecast_category").Should().Be(1);
            Sql.Scalar(connection, "select unknown_forecast_categories from marts.data_quality").Should().Be(0);
        }
    }
}

using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Tests.Dialects;

/// <summary>
/// The mapping file: the two worked examples of the README run as documented, and every mistake in
/// a mapping names the key and its line.
/// </summary>
public sealed class MappingFileTests : IDisposable
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "examples", "mapping");
    private readonly WarehouseRun _run = new();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _run.Dispose();
        _folder.Dispose();
    }

    private List<(string Stage, string EnteredAt)> Timeline(string dealId) =>
        _run.Rows("select stage, strftime(entered_at, '%Y-%m-%d %H:%M') from core.fact_stage_transition where deal_id = $id order by entered_at", ("id", dealId))
            .Select(row => ((string)row[0]!, (string)row[1]!)).ToList();

    /// <summary>
    /// The published layout of the Maven Analytics "CRM Sales Opportunities" dataset
    /// (https://mavenanalytics.io/data-playground), file by file, that examples/mapping/crm-sales follows.
    /// </summary>
    private static readonly Dictionary<string, string> CrmSalesLayout = new()
    {
        ["accounts.csv"] = "account,sector,year_established,revenue,employees,office_location,subsidiary_of",
        ["products.csv"] = "product,series,sales_price",
        ["sales_pipeline.csv"] = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value",
        ["sales_teams.csv"] = "sales_agent,manager,regional_office",
    };

    [Fact]
    public void CrmSalesExample_Files_HaveTheDatasetsFilesAndColumnsExactly()
    {
        var example = Path.Combine(Examples, "crm-sales");

        Directory.GetFiles(example, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal(CrmSalesLayout.Keys);
        foreach (var (file, header) in CrmSalesLayout)
            File.ReadLines(Path.Combine(example, file)).First().Should().Be(header, $"{file} must have the dataset's columns, no more, no fewer");
    }

    [Fact]
    public void CrmSalesExample_StageDatesLookupsAndValueMaps_LoadAsDocumented()
    {
        var example = Path.Combine(Examples, "crm-sales");
        var result = _run.WithFolder(example).Run(asOf: "2026-03-31", mapping: Path.Combine(example, "mapping.json"));

        result.Dialect.Should().Be("crm-sales");
        result.Files.Select(f => (f.File, f.Rows, f.Loaded)).Should().Equal(
            ("sales_pipeline.csv", 5, 5), ("sales_teams.csv", 3, 3), ("products.csv", 7, 7), ("accounts.csv", 4, 4));
        // engage_date -> connect call; close_date -> the stage deal_stage names (Won, Lost); none -> synthesized lead.
        Timeline("OP001").Should().Equal(("connect_call", "2026-01-05 00:00"), ("closed_won", "2026-02-20 00:00"));
        Timeline("OP003").Should().Equal(("connect_call", "2026-01-14 00:00"), ("closed_lost", "2026-03-01 00:00"));
        // The prospect has no date at all: created the night it was first seen, the as-of date.
        Timeline("OP004").Should().Equal(("lead", "2026-03-31 00:00"));
        // Region from the rep's regional office (Central -> North America); size from the account's 2,448 employees.
        _run.Rows("select rep_id, region, company_size, product, cast(amount as double) from core.fact_deal where deal_id = 'OP001'").Single()
            .Should().Equal("Moses Frase", "North America", "enterprise", "GTX Plus Basic", 1054.0);
        // "GTXPro" in sales_pipeline.csv is "GTX Pro" in products.csv: the look-up's valueMaps says so.
        _run.Scalar<string>("select product from core.fact_deal where deal_id = 'OP002'").Should().Be("GTX Pro");
        // No creation date in this layout: engage_date, else the night first seen; every one is an estimate.
        _run.Rows("select deal_id, strftime(created_at, '%Y-%m-%d'), created_at_estimated_from from core.fact_deal where created_at_is_estimated order by deal_id")
            .Select(r => (r[0], r[1], r[2])).Should().Equal(
                ("OP001", "2026-01-05", "engage_date"), ("OP002", "2026-01-12", "engage_date"), ("OP003", "2026-01-14", "engage_date"),
                ("OP004", "2026-03-31", "first seen"), ("OP005", "2026-02-04", "engage_date"));
        result.EstimatedCreatedAt.Should().Be(5);
        _run.Rows("select rep_id, team, region from core.dim_rep order by rep_id").Select(r => (r[0], r[1], r[2])).Should().Equal(
            ("Darcel Schlecht", "Melvin Marxen", "North America"), ("Moses Frase", "Dustin Brinkmann", "North America"), ("Zane Levy", "Summer Sturgell", "North America"));
    }

    [Theory]
    [InlineData("crm-sales")]
    [InlineData("german-export")]
    public void ReadmeExample_IsTheExamplesMappingFile(string name)
    {
        // The README shows each example's mapping.json (without its comments): they must not drift apart.
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var at = readme.IndexOf($"(`examples/mapping/{name}/`)", StringComparison.Ordinal);
        at.Should().BePositive($"the README introduces the example {name}");
        var start = readme.IndexOf("```json\n", at, StringComparison.Ordinal) + "```json\n".Length;
        var shown = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var options = new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip };

        var file = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Examples, name, "mapping.json")), documentOptions: options);
        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(shown, documentOptions: options), file).Should().BeTrue(
            $"the README's mapping of {name} should be examples/mapping/{name}/mapping.json");
    }

    [Fact]
    public void GermanExportExample_HistoryRowsDecimalCommaAndGermanDates_LoadAsDocumented()
    {
        var example = Path.Combine(Examples, "german-export");
        var result = _run.WithFolder(example).Run(asOf: "2026-03-31", configJson: """{"reportingCurrency": "EUR"}""", mapping: Path.Combine(example, "mapping.json"));

        result.Files.Select(f => (f.File, f.Rows, f.Loaded)).Should().Equal(("Deals.csv", 3, 3), ("Phasenverlauf.csv", 9, 9), ("Benutzer.csv", 2, 2));
        Timeline("4711").Should().Equal(
            ("lead", "2026-02-03 09:15"), ("discovery_call", "2026-02-10 11:00"), ("decision_maker_buy_in", "2026-02-20 16:30"), ("closed_won", "2026-03-05 10:00"));
        _run.Rows("select deal_name, cast(amount as double), region, lead_type, status from core.fact_deal order by deal_id").Select(r => (r[0], r[1], r[2], r[3], r[4])).Should().Equal(
            ("Müller GmbH, Erweiterung", 12500.0, "EMEA", "referral", "won"),
            ("Schmidt AG Pilot", 4200.5, "EMEA", "event", "open"),
            ("Weber KG", 900.0, "EMEA", "inbound", "lost"));
    }

    private const string UnknownStage = "is a stage label the stage map does not know. Map it to a canonical stage under \"values.stage\" in the mapping file mapping.json (lead, connect_call, discovery_call, opportunity, demo, influencer_buy_in, decision_maker_buy_in, negotiation, closed_won, closed_lost).";

    [Fact]
    public void StageDates_BadDateOrUnknownStatus_RejectTheDealRowNamingTheColumnAndTheMappingsKey()
    {
        var example = Path.Combine(Examples, "crm-sales");
        _run.WithFolder(example).WithFile("sales_pipeline.csv",
            "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"
            + "OP001,Moses Frase,GTX Basic,Cancity,Won,2026-01-05,2026-02-20,1054\n"
            + "OP002,Moses Frase,GTX Basic,Cancity,Engaging,next week,,\n"
            + "OP003,Moses Frase,GTX Basic,Cancity,Shelved,2026-01-05,2026-02-20,\n");

        _run.Run(asOf: "2026-03-31", configJson: """{"rejectThresholdPercent": 90}""", mapping: Path.Combine(example, "mapping.json"));

        _run.Rows("select line, \"column\", value, reason from meta.rejected_row order by line").Select(r => (r[0], r[1], r[2], r[3])).Should().Equal(
            (3L, "engage_date", "next week", "engage_date \"next week\" is not a date and time. Write ISO 8601 (2024-03-01, 2024-03-01 10:00, 2024-03-01T10:00:00Z, with an optional offset such as +02:00), or add the format to \"timestampFormats\" in the config file."),
            // Before, the reason sent the user to "stageMap" in the config file, not to the mapping's own stage map.
            (4L, "deal_stage", "Shelved", $"deal_stage \"Shelved\" {UnknownStage}"));
    }

    [Fact]
    public void StageDates_StageFromColumnUnknownOrEmpty_RejectedNamingThatColumnAndTheMappingsKey()
    {
        var mapping = _folder.File("mapping.json");
        File.WriteAllText(mapping, """
            {
              "files": { "deals": { "file": "deals.csv",
                "columns": { "deal_id": "id", "stage": "stage", "created_at": "created" },
                "stageDates": { "closed_on": { "stageFrom": "close_status" } } } }
            }
            """);
        _run.WithFile("deals.csv", "id,stage,created,closed_on,close_status\n"
            + "A,Closed Won,2026-01-02,2026-02-01,Closed Won\n"
            + "B,Closed Won,2026-01-02,2026-02-01,Shelved\n"
            + "C,Closed Won,2026-01-02,2026-02-01,\n");

        _run.Run(asOf: "2026-03-31", configJson: """{"rejectThresholdPercent": 90}""", mapping: mapping);

        _run.Rows("select line, \"column\", value, reason from meta.rejected_row order by line").Select(r => (r[0], r[1], r[2], r[3])).Should().Equal(
            (3L, "close_status", "Shelved", $"close_status \"Shelved\" {UnknownStage}"),
            (4L, "close_status", "", "close_status is empty, but the date it names the stage of is filled. Give the stage, or leave the date empty."));
    }

    [Fact]
    public void HistoryFile_UnknownStage_RejectedNamingTheMappingsKey()
    {
        var example = Path.Combine(Examples, "german-export");
        _run.WithFolder(example).WithFile("Phasenverlauf.csv", "Deal-ID,Phase,Geändert am\n4711,Lead,03.02.2026 09:15\n4711,Pausiert,04.02.2026 09:15\n4711,Gewonnen,05.03.2026 10:00\n");

        _run.Run(asOf: "2026-03-31", configJson: """{"reportingCurrency": "EUR", "rejectThresholdPercent": 90}""", mapping: Path.Combine(example, "mapping.json"));

        _run.Rows("select file, line, \"column\", value, reason from meta.rejected_row").Single()
            .Should().Equal("Phasenverlauf.csv", 3L, "Phase", "Pausiert", $"Phase \"Pausiert\" {UnknownStage}");
    }

    [Theory]
    [InlineData("""{ "files": { "deals": { "file": "d.csv", "columns": { "deal_id": "id", "stage": "s", "created_at": "c" } } }, "colour": "red" }""", 1, "\"colour\" \"colour\" is not a key here")]
    [InlineData("{\n  \"files\": {\n    \"deals\": {\n      \"file\": \"d.csv\",\n      \"columns\": { \"deal_id\": \"id\", \"stage\": \"s\", \"created_at\": \"c\", \"owner\": \"o\" }\n    }\n  }\n}", 5, "\"files.deals.columns.owner\" \"owner\" is not a column of the canonical deals")]
    [InlineData("{\n  \"files\": {\n    \"deals\": {\n      \"file\": \"d.csv\",\n      \"columns\": { \"deal_id\": \"id\", \"stage\": \"s\" }\n    }\n  }\n}", 5, "\"files.deals.columns\" does not map \"created_at\"")]
    [InlineData("{\n  \"files\": {\n    \"deals\": {\n      \"file\": \"d.csv\",\n      \"columns\": {\n        \"deal_id\": \"id\", \"stage\": \"s\", \"created_at\": \"c\",\n        \"region\": { \"from\": \"teams\", \"match\": \"o\", \"take\": \"r\" }\n      }\n    }\n  }\n}", 7, "\"files.deals.columns.region.from\" names the look-up \"teams\", which \"lookups\" does not define")]
    [InlineData("{\n  \"files\": {\n    \"deals\": {\n      \"file\": \"d.csv\",\n      \"columns\": { \"deal_id\": \"id\", \"stage\": \"s\", \"created_at\": \"c\" },\n      \"stageDates\": { \"won_on\": \"won\" }\n    }\n  }\n}", 6, "\"files.deals.stageDates.won_on\" \"won\" is not a canonical stage")]
    [InlineData("{\n  \"files\": { \"deals\": { \"file\": \"d.csv\", \"columns\": { \"deal_id\": \"id\", \"stage\": \"s\", \"created_at\": \"c\" } } },\n  \"values\": {\n    \"stage\": { \"Won\": \"closed-won\" }\n  }\n}", 4, "\"values.stage.Won\" maps to \"closed-won\", which is not a canonical stage")]
    [InlineData("{\n  \"files\": {\n    \"deals\": { \"file\": \"d.csv\" ,, }\n  }\n}", 3, "not valid JSON")]
    public void Load_MistakeInTheMapping_NamesTheKeyAndTheLine(string json, int line, string expected)
    {
        var path = _folder.File("mapping.json");
        File.WriteAllText(path, json);

        var act = () => Pipeline.Warehouse.Ingest.Mapping.MappingFile.Load(path);

        act.Should().Throw<InputException>().Which.Message.Should().StartWith($"Mapping file {path}, line {line}: ").And.Contain(expected);
    }

    [Fact]
    public void Run_MappingAndDialectBoth_ExitsWithTheReason()
    {
        var example = Path.Combine(Examples, "crm-sales");
        var result = CliProcess.Run("run", "--input", example, "--warehouse", _folder.File("w.duckdb"), "--dialect", "hubspot", "--mapping", Path.Combine(example, "mapping.json"));

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("--dialect hubspot and --mapping").And.Contain("give one of them");
    }
}

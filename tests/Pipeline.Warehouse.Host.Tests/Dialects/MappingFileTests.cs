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

    [Fact]
    public void CrmSalesExample_StageDatesLookupsAndValueMaps_LoadAsDocumented()
    {
        var example = Path.Combine(Examples, "crm-sales");
        var result = _run.WithFolder(example).Run(asOf: "2026-03-31", mapping: Path.Combine(example, "mapping.json"));

        result.Dialect.Should().Be("crm-sales");
        result.Files.Select(f => (f.File, f.Rows, f.Loaded)).Should().Equal(
            ("sales_pipeline.csv", 5, 5), ("sales_teams.csv", 3, 3), ("accounts.csv", 4, 4));
        // engage_date -> connect call; close_date -> the stage deal_stage names (Won, Lost); none -> synthesized lead.
        Timeline("OP001").Should().Equal(("connect_call", "2026-01-05 00:00"), ("closed_won", "2026-02-20 00:00"));
        Timeline("OP003").Should().Equal(("connect_call", "2026-01-14 00:00"), ("closed_lost", "2026-03-01 00:00"));
        Timeline("OP004").Should().Equal(("lead", "2026-02-01 00:00"));
        // Region from the rep's regional office (Central -> North America); size from the account's 2,448 employees.
        _run.Rows("select rep_id, region, company_size, product, cast(amount as double) from core.fact_deal where deal_id = 'OP001'").Single()
            .Should().Equal("Moses Frase", "North America", "enterprise", "GTX Plus Basic", 1054.0);
        _run.Rows("select rep_id, team, region from core.dim_rep order by rep_id").Select(r => (r[0], r[1], r[2])).Should().Equal(
            ("Darcel Schlecht", "Melvin Marxen", "North America"), ("Moses Frase", "Dustin Brinkmann", "North America"), ("Zane Levy", "Summer Sturgell", "North America"));
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

    [Fact]
    public void StageDates_BadDateOrUnknownStatus_RejectTheDealRowNamingTheColumn()
    {
        var example = Path.Combine(Examples, "crm-sales");
        _run.WithFolder(example).WithFile("sales_pipeline.csv",
            "opportunity_id,sales_agent,product,account,deal_stage,created_on,engage_date,close_date,close_value\n"
            + "OP001,Moses Frase,GTX,Cancity,Won,2026-01-02,2026-01-05,2026-02-20,1054\n"
            + "OP002,Moses Frase,GTX,Cancity,Engaging,2026-01-02,next week,,\n"
            + "OP003,Moses Frase,GTX,Cancity,Shelved,2026-01-02,2026-01-05,2026-02-20,\n");

        _run.Run(asOf: "2026-03-31", configJson: """{"rejectThresholdPercent": 90}""", mapping: Path.Combine(example, "mapping.json"));

        _run.Rows("select line, \"column\", value, reason from meta.rejected_row order by line").Select(r => (r[0], r[1], r[2], ((string)r[3]!)[..40])).Should().Equal(
            (3L, "engage_date", "next week", "engage_date \"next week\" is not a date an"),
            (4L, "deal_stage", "Shelved", "deal_stage \"Shelved\" is a stage label th"));
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

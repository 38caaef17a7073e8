using Pipeline.Warehouse.Host.Tests.BadInput;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Dialects;

/// <summary>
/// A mapping's look-ups (README "Mapping file"): a value that has no match in the look-up file is
/// rejected saying so, with the value kept, whatever column the look-up feeds; "valueMaps" maps a
/// value written otherwise (the Maven Analytics CRM Sales Opportunities data writes "GTXPro" in
/// sales_pipeline.csv and "GTX Pro" in products.csv) to the look-up's key.
/// </summary>
public sealed class MappingLookupTests : IDisposable
{
    private const string PipelineHeader = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n";
    private const string Products = "product,series,sales_price\nGTX Basic,GTX,550\nGTX Pro,GTX,4821\nMG Special,MG,55\n";
    private const string Teams = "sales_agent,manager,regional_office\nMoses Frase,Dustin Brinkmann,Central\nZane Levy,Summer Sturgell,West\n";
    private const string Accounts = "account,sector,year_established,revenue,employees,office_location,subsidiary_of\nCancity,retail,2001,718.62,2448,United States,\n";
    private const string Offices = "regional_office,region\nCentral,North America\nWest,North America\n";

    private readonly WarehouseRun _run = new();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _run.Dispose();
        _folder.Dispose();
    }

    private string WriteMapping(string productValueMaps = "")
    {
        var path = _folder.File("crm.json");
        File.WriteAllText(path, $$"""
            {
              "files": {
                "deals": {
                  "file": "sales_pipeline.csv",
                  "columns": {
                    "deal_id": "opportunity_id", "rep_id": "sales_agent", "account_name": "account", "stage": "deal_stage", "amount": "close_value",
                    "created_at": "engage_date",
                    "product": { "from": "products", "match": "product", "take": "product" },
                    "region": { "from": "teams", "match": "sales_agent", "take": "regional_office" },
                    "company_size": { "from": "accounts", "match": "account", "take": "employees" }
                  },
                  "stageDates": { "engage_date": "connect_call", "close_date": { "stageFrom": "deal_stage" } }
                },
                "reps": {
                  "file": "sales_teams.csv",
                  "columns": { "rep_id": "sales_agent", "rep_name": "sales_agent", "team": "manager",
                               "region": { "from": "offices", "match": "regional_office", "take": "region" } }
                }
              },
              "lookups": {
                "products": { "file": "products.csv", "key": "product"{{productValueMaps}} },
                "teams": { "file": "sales_teams.csv", "key": "sales_agent" },
                "accounts": { "file": "accounts.csv", "key": "account" },
                "offices": { "file": "offices.csv", "key": "regional_office" }
              },
              "values": { "stage": { "Prospecting": "lead", "Engaging": "connect_call", "Won": "closed_won", "Lost": "closed_lost" } }
            }
            """);
        return path;
    }

    private WarehouseRun WithFiles(string pipelineRows, string teams = Teams) => _run
        .WithFile("sales_pipeline.csv", PipelineHeader + pipelineRows)
        .WithFile("products.csv", Products)
        .WithFile("sales_teams.csv", teams)
        .WithFile("accounts.csv", Accounts)
        .WithFile("offices.csv", Offices);

    [Fact]
    public void Run_ValueWithNoMatchInTheLookupFile_RejectedNamingTheFileAndColumnWithTheValueKept()
    {
        WithFiles("""
            OP1,Moses Frase,GTX Basic,Cancity,Won,2026-01-05,2026-02-20,550
            OP2,Moses Frase,GTXPro,Cancity,Won,2026-01-05,2026-02-20,4821
            OP3,Nobody Known,GTX Basic,Cancity,Won,2026-01-05,2026-02-20,550
            OP4,Moses Frase,GTX Basic,Acme,Won,2026-01-05,2026-02-20,550

            """).Run(asOf: "2026-03-31", configJson: Exports.Lenient, mapping: WriteMapping());

        // Before: "product is empty. Give the product the deal is for." with an empty value (and the
        // unknown account silently gave the size "unknown").
        const string Fix = "Add it there, or map it to one of that column's values under";
        _run.Rejections("sales_pipeline.csv").Should().Equal(
            new Rejection("sales_pipeline.csv", 3, "product", "GTXPro",
                $"product \"GTXPro\" has no match in products.csv column \"product\". {Fix} \"lookups.products.valueMaps\" in the mapping file crm.json."),
            new Rejection("sales_pipeline.csv", 4, "sales_agent", "Nobody Known",
                $"sales_agent \"Nobody Known\" has no match in sales_teams.csv column \"sales_agent\". {Fix} \"lookups.teams.valueMaps\" in the mapping file crm.json."),
            new Rejection("sales_pipeline.csv", 5, "account", "Acme",
                $"account \"Acme\" has no match in accounts.csv column \"account\". {Fix} \"lookups.accounts.valueMaps\" in the mapping file crm.json."));
        _run.Scalar<string>("select product from core.fact_deal where deal_id = 'OP1'").Should().Be("GTX Basic");
        _run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_LookupInTheRepsFile_NoMatchRejectsTheRepRow()
    {
        WithFiles("OP1,Moses Frase,GTX Basic,Cancity,Won,2026-01-05,2026-02-20,550\n",
            teams: Teams + "Anna Snelling,Dustin Brinkmann,Nowhere\n").Run(asOf: "2026-03-31", configJson: Exports.Lenient, mapping: WriteMapping());

        _run.SingleRejection("sales_teams.csv").Should().Be(new Rejection("sales_teams.csv", 4, "regional_office", "Nowhere",
            "regional_office \"Nowhere\" has no match in offices.csv column \"regional_office\". Add it there, or map it to one of that column's values under \"lookups.offices.valueMaps\" in the mapping file crm.json."));
        _run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_ValueMappedUnderValueMaps_MatchesTheLookupsKey()
    {
        WithFiles("OP2,Moses Frase,GTXPro,Cancity,Won,2026-01-05,2026-02-20,4821\n")
            .Run(asOf: "2026-03-31", mapping: WriteMapping(""", "valueMaps": { "GTXPro": "GTX Pro" }"""));

        _run.Rejections().Should().BeEmpty();
        _run.Scalar<string>("select product from core.fact_deal where deal_id = 'OP2'").Should().Be("GTX Pro");
    }

    [Fact]
    public void Run_ValueMappedToAMissingKey_RejectedNamingTheMap()
    {
        WithFiles("OP1,Moses Frase,GTX Basic,Cancity,Won,2026-01-05,2026-02-20,550\nOP2,Moses Frase,GTXPro,Cancity,Won,2026-01-05,2026-02-20,4821\n")
            .Run(asOf: "2026-03-31", configJson: Exports.Lenient, mapping: WriteMapping(""", "valueMaps": { "GTXPro": "GTX Professional" }"""));

        _run.SingleRejection("sales_pipeline.csv").Should().Be(new Rejection("sales_pipeline.csv", 3, "product", "GTXPro",
            "product \"GTXPro\" is mapped to \"GTX Professional\" by \"lookups.products.valueMaps\" in the mapping file crm.json, but products.csv column \"product\" has no \"GTX Professional\". Correct the map, or add the value there."));
    }

    [Fact]
    public void Load_ValueMapsNotText_NamesTheKeyAndTheLine()
    {
        var path = _folder.File("bad.json");
        File.WriteAllText(path, "{\n  \"files\": { \"deals\": { \"file\": \"d.csv\", \"columns\": { \"deal_id\": \"id\", \"stage\": \"s\", \"created_at\": \"c\" } } },\n  \"lookups\": {\n    \"products\": { \"file\": \"p.csv\", \"key\": \"product\",\n      \"valueMaps\": { \"GTXPro\": 1 } }\n  }\n}");

        var act = () => global::Pipeline.Warehouse.Ingest.Mapping.MappingFile.Load(path);

        act.Should().Throw<global::Pipeline.Warehouse.Ingest.InputException>().Which.Message.Should()
            .StartWith($"Mapping file {path}, line 5: ").And.Contain("\"lookups.products.valueMaps.GTXPro\" is not a non-empty text");
    }
}

using Pipeline.Warehouse.Host.Tests.BadInput;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Dialects;

/// <summary>
/// Issue 10, "your own pipeline": an export with the four stages of the public "CRM Sales
/// Opportunities" dataset (Prospecting, Engaging, Won, Lost), loaded through a mapping file, shows
/// those stages under the user's labels: core.dim_stage has two used open stages, Prospecting and
/// Engaging, in order, and marts.labels carries them; marts.report_context gives the reports their dates.
/// </summary>
public sealed class OwnStageLabelsTests : IDisposable
{
    /// <summary>A handful of opportunities in the dataset's layout (sales_pipeline.csv, sales_teams.csv), with its four stages.</summary>
    private const string Pipeline = """
        opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
        1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2026-01-05,2026-02-20,1054
        Z063OYW0,Darcel Schlecht,GTXPro,Isdom,Won,2026-01-08,2026-02-28,4514
        EC4QE1BX,Darcel Schlecht,MG Special,Cancity,Won,2026-01-09,2026-03-02,50
        MV1LWRNH,Moses Frase,GTX Basic,Codehow,Lost,2026-01-11,2026-03-05,0
        PE84CX4O,Zane Levy,GTX Basic,Hatfan,Lost,2026-01-14,2026-03-10,0
        ZNBS69V1,Anna Snelling,MG Special,Ron-tech,Engaging,2026-02-12,,
        9ME3374G,Vicki Laflamme,GTX Plus Pro,J-Texon,Engaging,2026-03-01,,
        HAXMC4IX,James Ascencio,MG Advanced,Rangreen,Prospecting,,,
        UP409DSB,Zane Levy,GTX Basic,Hatfan,Prospecting,,,

        """;

    private const string Teams = """
        sales_agent,manager,regional_office
        Moses Frase,Dustin Brinkmann,Central
        Darcel Schlecht,Melvin Marxen,Central
        Zane Levy,Summer Sturgell,West
        Anna Snelling,Dustin Brinkmann,Central
        Vicki Laflamme,Celia Rouche,West
        James Ascencio,Summer Sturgell,West

        """;

    private const string Mapping = """
        {
          "dialect": "crm-sales",
          "files": {
            "deals": {
              "file": "sales_pipeline.csv",
              "columns": {
                "deal_id": "opportunity_id", "rep_id": "sales_agent", "product": "product", "account_name": "account",
                "stage": "deal_stage", "amount": "close_value",
                "region": { "from": "teams", "match": "sales_agent", "take": "regional_office" }
              },
              "createdAtFallback": { "columns": ["engage_date"], "firstSeen": true },
              "stageDates": { "engage_date": "opportunity", "close_date": { "stageFrom": "deal_stage" } }
            },
            "reps": {
              "file": "sales_teams.csv",
              "columns": { "rep_id": "sales_agent", "rep_name": "sales_agent", "team": "manager", "region": "regional_office" }
            }
          },
          "lookups": { "teams": { "file": "sales_teams.csv", "key": "sales_agent" } },
          "values": { "stage": { "Prospecting": "lead", "Engaging": "opportunity", "Won": "closed_won", "Lost": "closed_lost" } }
        }
        """;

    private readonly WarehouseRun _run = new();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _run.Dispose();
        _folder.Dispose();
    }

    private void Load()
    {
        var mapping = _folder.File("crm.json");
        File.WriteAllText(mapping, Mapping);
        _run.WithFile("sales_pipeline.csv", Pipeline).WithFile("sales_teams.csv", Teams).Run(asOf: "2026-03-31", mapping: mapping);
        _run.Rejections().Should().BeEmpty();
    }

    [Fact]
    public void FourStageExport_DimStage_HasTwoUsedOpenStagesUnderTheUsersLabelsInOrder()
    {
        Load();

        _run.Rows("select stage, label, canonical_label, next_used_stage from core.dim_stage where is_used and not is_terminal order by stage_order")
            .Select(r => (r[0], r[1], r[2], r[3])).Should().Equal(
                ("lead", "Prospecting", "Lead", "opportunity"),
                ("opportunity", "Engaging", "Opportunity", "closed_won"));
        // Won and Lost are used too; the unused canonical steps keep their canonical labels.
        _run.Rows("select stage, label from core.dim_stage where is_used and is_terminal order by stage")
            .Select(r => (r[0], r[1])).Should().Equal(("closed_lost", "Lost"), ("closed_won", "Won"));
        _run.Rows("select stage, label, next_used_stage from core.dim_stage where stage in ('connect_call', 'negotiation') order by stage_order")
            .Select(r => (r[0], r[1], r[2])).Should().Equal(("connect_call", "Connect call", "opportunity"), ("negotiation", "Negotiation", "closed_won"));
        _run.Scalar<long>("select count(*) from core.dim_stage").Should().Be(10);
    }

    [Fact]
    public void CrmSalesExample_StageDatesNamingACanonicalStage_StillShowTheUsersLabel()
    {
        // examples/mapping/crm-sales: engage_date enters "connect_call" (a canonical name, written by the
        // mapping, not a label of the user's), and Engaging maps there too: the stage shows "Engaging".
        var example = Path.Combine(AppContext.BaseDirectory, "examples", "mapping", "crm-sales");
        _run.WithFolder(example).Run(asOf: "2026-03-31", mapping: Path.Combine(example, "mapping.json"));

        _run.Rows("select stage, label, next_used_stage from core.dim_stage where is_used and not is_terminal order by stage_order")
            .Select(r => (r[0], r[1], r[2])).Should().Equal(("lead", "Prospecting", "connect_call"), ("connect_call", "Engaging", "closed_won"));
    }

    [Fact]
    public void FourStageExport_Labels_CarryTheUsersStagesAndTheValuesSeen()
    {
        Load();

        _run.Rows("select value, label from marts.labels where kind = 'stage' and value in ('lead', 'opportunity', 'closed_won', 'closed_lost') order by sort_order")
            .Select(r => (r[0], r[1])).Should().Equal(
                ("lead", "Prospecting"), ("opportunity", "Engaging"), ("closed_won", "Won"), ("closed_lost", "Lost"));
        _run.Rows("select value, label from marts.labels where kind = 'region' order by sort_order")
            .Select(r => (r[0], r[1])).Should().Equal(("Central", "Central"), ("West", "West"));
        _run.Rows("select label from marts.labels where kind = 'product' order by sort_order").Select(r => r[0]).Should().Equal(
            "GTX Basic", "GTX Plus Basic", "GTX Plus Pro", "GTXPro", "MG Advanced", "MG Special");
        _run.Scalar<string>("select label from marts.labels where kind = 'company_size' and value = 'mid_market'").Should().Be("Mid-market");
    }

    [Fact]
    public void FourStageExport_ReportContext_HasTheRunsDatesAndCurrency()
    {
        Load();

        _run.Rows("""
            select strftime(as_of, '%Y-%m-%d'), reporting_currency, currency_symbol, strftime(latest_complete_month, '%Y-%m-%d'),
                   strftime(current_month_start, '%Y-%m-%d'), strftime(current_quarter_start, '%Y-%m-%d'),
                   strftime(next_month_start, '%Y-%m-%d'), strftime(next_quarter_start, '%Y-%m-%d'),
                   strftime(earliest_deal_created_at, '%Y-%m-%d'), deals
            from marts.report_context
            """).Single().Should().Equal(
            "2026-03-31", "USD", "$", "2026-03-01", "2026-03-01", "2026-01-01", "2026-04-01", "2026-04-01", "2026-01-05", 9L);
    }
}

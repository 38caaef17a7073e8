using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Tests.BadInput;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Tests.Dialects;

/// <summary>
/// A mapping's "createdAtFallback" (README "Mapping file"): an export without a creation date (the
/// Maven Analytics CRM Sales Opportunities layout has only engage_date and close_date, and an open
/// "Prospecting" deal has neither) takes it from other columns in order, then from the night the
/// deal was first seen; the date is flagged as estimated, and the deal's timeline is synthesized as usual.
/// </summary>
public sealed class MappingCreatedAtTests : IDisposable
{
    private const string Header = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n";

    private const string Mapping = """
        {
          "dialect": "crm-sales",
          "files": {
            "deals": {
              "file": "sales_pipeline.csv",
              "columns": { "deal_id": "opportunity_id", "rep_id": "sales_agent", "product": "product", "account_name": "account", "stage": "deal_stage", "amount": "close_value" },
              "createdAtFallback": { "columns": ["engage_date"], "firstSeen": true },
              "stageDates": { "engage_date": "connect_call", "close_date": { "stageFrom": "deal_stage" } }
            }
          },
          "values": { "stage": { "Prospecting": "lead", "Engaging": "connect_call", "Won": "closed_won", "Lost": "closed_lost" } }
        }
        """;

    private readonly WarehouseRun _run = new();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _run.Dispose();
        _folder.Dispose();
    }

    private string WriteMapping(string json)
    {
        var path = _folder.File("crm.json");
        File.WriteAllText(path, json);
        return path;
    }

    private List<(string Deal, string CreatedAt, bool Estimated, string? From)> Created() =>
        [.. _run.Rows("select deal_id, strftime(created_at, '%Y-%m-%d %H:%M'), created_at_is_estimated, created_at_estimated_from from core.fact_deal order by deal_id")
            .Select(r => ((string)r[0]!, (string)r[1]!, (bool)r[2]!, (string?)r[3]))];

    [Fact]
    public void Run_NoCreationDate_TakesTheFallbackColumnThenTheAsOfDateAndFlagsItEstimated()
    {
        _run.WithFile("sales_pipeline.csv", Header
            + "OP1,Moses Frase,GTX Basic,Cancity,Won,2026-01-05,2026-02-20,1054\n"
            + "OP2,Moses Frase,GTX Basic,Cancity,Prospecting,,,\n"
            + "OP3,Zane Levy,MG Special,,Engaging,2026-02-10,,\n");

        var result = _run.Run(asOf: "2026-03-31", mapping: WriteMapping(Mapping));

        // Before, each of these rows was rejected: "created_at is empty" (no created_at mapped at all).
        _run.Rejections().Should().BeEmpty();
        Created().Should().Equal(
            ("OP1", "2026-01-05 00:00", true, "engage_date"),
            ("OP2", "2026-03-31 00:00", true, "first seen"),
            ("OP3", "2026-02-10 00:00", true, "engage_date"));
        result.EstimatedCreatedAt.Should().Be(3);
        RunSummary.Format(result).Should().Contain("3   deals whose created_at is estimated");
        // No history is invented: the prospect's timeline is the usual synthesized entry, its exported stage at created_at.
        _run.Rows("select stage, strftime(entered_at, '%Y-%m-%d'), is_synthesized from core.fact_stage_transition where deal_id = 'OP2'")
            .Single().Should().Equal("lead", "2026-03-31", true);
        _run.Rows("select stage, strftime(entered_at, '%Y-%m-%d'), is_synthesized from core.fact_stage_transition where deal_id = 'OP1' order by seq")
            .Select(r => ((string)r[0]!, (string)r[1]!, (bool)r[2]!)).Should().Equal(("connect_call", "2026-01-05", false), ("closed_won", "2026-02-20", false));
        _run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_DealFirstSeenOnAnEarlierNight_KeepsThatNightsDate()
    {
        var mapping = WriteMapping(Mapping);
        _run.WithFile("sales_pipeline.csv", Header + "OP2,Moses Frase,GTX Basic,Cancity,Prospecting,,,\n");
        _run.Run(asOf: "2026-03-01", mapping: mapping);
        Created().Should().Equal(("OP2", "2026-03-01 00:00", true, "first seen"));

        // Two weeks later OP2 is still a prospect and OP4 is new: OP2 keeps the night it was first seen.
        _run.WithFile("sales_pipeline.csv", Header
            + "OP2,Moses Frase,GTX Basic,Cancity,Prospecting,,,\n"
            + "OP4,Zane Levy,GTX Basic,Hatfan,Prospecting,,,\n");
        var second = _run.Run(asOf: "2026-03-15", mapping: mapping);

        Created().Should().Equal(("OP2", "2026-03-01 00:00", true, "first seen"), ("OP4", "2026-03-15 00:00", true, "first seen"));
        second.EstimatedCreatedAt.Should().Be(2);
        // The age of OP2's stage counts from the night it was first seen.
        _run.Scalar<double>("select days_in_stage from core.fact_stage_transition where deal_id = 'OP2'").Should().Be(15.0);
    }

    [Fact]
    public void Run_CreatedAtColumnFilled_IsNotEstimated()
    {
        _run.WithFile("deals.csv", "id,stage,created,engaged\nA,Closed Won,2026-01-02,2026-01-05\nB,Closed Won,,2026-01-07\nC,Closed Won,,\n");
        var mapping = WriteMapping("""
            {
              "files": { "deals": { "file": "deals.csv",
                "columns": { "deal_id": "id", "stage": "stage", "created_at": "created" },
                "createdAtFallback": { "columns": ["engaged"] } } }
            }
            """);

        var result = _run.Run(asOf: "2026-03-31", configJson: BadInput.Exports.Lenient, mapping: mapping);

        Created().Should().Equal(("A", "2026-01-02 00:00", false, null), ("B", "2026-01-07 00:00", true, "engaged"));
        result.EstimatedCreatedAt.Should().Be(1);
        // Without "firstSeen", a row with no date in any of the columns is still rejected, naming the mapped column.
        _run.SingleRejection("deals.csv").Should().BeEquivalentTo(new { Line = 4L, Column = "created", Value = "" });
    }

    [Fact]
    public void Run_FallbackColumnNotADate_RejectedNamingThatColumn()
    {
        _run.WithFile("sales_pipeline.csv", Header
            + "OP1,Moses Frase,GTX Basic,Cancity,Won,2026-01-05,2026-02-20,1054\n"
            + "OP2,Moses Frase,GTX Basic,Cancity,Engaging,next week,,\n");

        _run.Run(asOf: "2026-03-31", configJson: BadInput.Exports.Lenient, mapping: WriteMapping(Mapping));

        var rejected = _run.SingleRejection("sales_pipeline.csv");
        rejected.Line.Should().Be(3);
        rejected.Column.Should().Be("engage_date");
        rejected.Value.Should().Be("next week");
    }

    [Theory]
    [InlineData("\"createdAtFallback\": [\"engage_date\"]", "\"files.deals.createdAtFallback\" is not an object")]
    [InlineData("\"createdAtFallback\": { \"columns\": \"engage_date\" }", "\"files.deals.createdAtFallback.columns\" is not a list")]
    [InlineData("\"createdAtFallback\": { \"firstSeen\": \"yes\" }", "\"files.deals.createdAtFallback.firstSeen\" is not true or false")]
    [InlineData("\"createdAtFallback\": { \"firstSeen\": false }", "\"files.deals.createdAtFallback\" gives neither \"columns\" nor \"firstSeen\": true")]
    [InlineData("\"createdAtFallback\": { \"since\": 1 }", "\"files.deals.createdAtFallback.since\" \"since\" is not a key here")]
    public void Load_BadFallback_NamesTheKeyAndTheLine(string fallback, string expected)
    {
        var path = WriteMapping("{\n  \"files\": {\n    \"deals\": {\n      \"file\": \"d.csv\", \"columns\": { \"deal_id\": \"id\", \"stage\": \"s\" },\n      "
            + fallback + "\n    }\n  }\n}");

        var act = () => Pipeline.Warehouse.Ingest.Mapping.MappingFile.Load(path);

        act.Should().Throw<InputException>().Which.Message.Should().StartWith($"Mapping file {path}, line 5: ").And.Contain(expected);
    }

    [Fact]
    public void Load_FallbackWithCreatedAtFromALookup_NamesTheKey()
    {
        var path = WriteMapping("""
            { "files": { "deals": { "file": "d.csv",
                "columns": { "deal_id": "id", "stage": "s", "created_at": { "from": "first", "match": "id", "take": "opened" } },
                "createdAtFallback": { "firstSeen": true } } },
              "lookups": { "first": { "file": "f.csv", "key": "id" } } }
            """);

        var act = () => Pipeline.Warehouse.Ingest.Mapping.MappingFile.Load(path);

        act.Should().Throw<InputException>().Which.Message.Should().Contain("\"files.deals.createdAtFallback\" is given, but created_at is taken from a look-up");
    }

    [Fact]
    public void Load_NoCreatedAtAndNoFallback_SaysHowToGiveOne()
    {
        var path = WriteMapping("""{ "files": { "deals": { "file": "d.csv", "columns": { "deal_id": "id", "stage": "s" } } } }""");

        var act = () => Pipeline.Warehouse.Ingest.Mapping.MappingFile.Load(path);

        act.Should().Throw<InputException>().Which.Message.Should().Contain("does not map \"created_at\"").And.Contain("\"createdAtFallback\"");
    }
}

using Pipeline.Warehouse.Ingest.Config;

namespace Pipeline.Warehouse.Ingest.Tests.Config;

public sealed class WarehouseConfigTests
{
    [Fact]
    public void Load_NoPath_GivesDefaults()
    {
        var config = WarehouseConfig.Load(null);

        config.ReportingCurrency.Should().Be("USD");
        config.RejectThresholdPercent.Should().Be(5);
    }

    [Fact]
    public void Load_UserMaps_ExtendAndOverrideDefaults()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("config.json", """
            { "stageMap": { "Contract out": "negotiation", "Qualification": "discovery_call" },
              "leadTypeMap": { "Web form": "inbound" } }
            """);

        var config = WarehouseConfig.Load(path);

        var stages = config.EffectiveStageMap().ToDictionary(p => p.Key, p => p.Value);
        stages["contractout"].Should().Be("negotiation");
        stages["qualification"].Should().Be("discovery_call", "the user's entry wins over Salesforce's default (connect_call)");
        stages["demo"].Should().Be("demo");
        config.EffectiveLeadTypeMap().Should().Contain(KeyValuePair.Create("webform", "inbound"));
    }

    [Fact]
    public void Load_UnknownCanonicalStage_NamesTheKeyAndTheChoices()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("config.json", """{ "stageMap": { "Pitch": "pitching" } }""");

        var act = () => WarehouseConfig.Load(path);

        act.Should().Throw<InputException>().WithMessage("*stageMap maps \"Pitch\" to \"pitching\"*Use one of: lead, connect_call*");
    }

    [Fact]
    public void Load_SyntaxError_NamesTheLine()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("config.json", "{\n  \"reportingCurrency\": \"EUR\",\n  \"exchangeRates\": { \"USD\": }\n}");

        var act = () => WarehouseConfig.Load(path);

        // The missing value is on the third line of the file.
        act.Should().Throw<InputException>().WithMessage($"Config file {path} line 3:*");
    }

    [Fact]
    public void Load_UnknownKey_IsRefused()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("config.json", """{ "stagemapp": {} }""");

        var act = () => WarehouseConfig.Load(path);

        act.Should().Throw<InputException>().WithMessage("*stagemapp*");
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var act = () => WarehouseConfig.Load("/nonexistent/config.json");

        act.Should().Throw<InputException>().WithMessage("*does not exist*");
    }
}

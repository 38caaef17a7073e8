using Pipeline.Warehouse.Ingest.Config;

namespace Pipeline.Warehouse.Ingest.Tests.Config;

public sealed class LabelKeyTests
{
    [Theory]
    [InlineData("Warm Call", "warmcall")]
    [InlineData("warm-call", "warmcall")]
    [InlineData("M.Q.L.", "mql")]
    [InlineData("Id. Decision Makers", "iddecisionmakers")]
    [InlineData("Proposal/Price Quote", "proposalpricequote")]
    [InlineData("  closed_won\t", "closedwon")]
    public void Of_Label_IgnoresCaseSpacesHyphensUnderscoresDotsAndSlashes(string label, string key) =>
        LabelKey.Of(label).Should().Be(key);

    [Fact]
    public void DefaultStageMap_EveryLabel_MapsToACanonicalStage() =>
        DefaultMaps.Stages.Should().OnlyContain(p => CanonicalNames.Stages.Contains(p.Value));

    [Fact]
    public void DefaultStageMap_SalesforceAndLegacyLabels_MapAsInTheInputContract()
    {
        // INPUTS.md "Default stage map": a few from each pipeline.
        var map = new WarehouseConfig().EffectiveStageMap().ToDictionary(p => p.Key, p => p.Value);
        map[LabelKey.Of("Id. Decision Makers")].Should().Be("influencer_buy_in");
        map[LabelKey.Of("Proposal/Price Quote")].Should().Be("decision_maker_buy_in");
        map[LabelKey.Of("Quote requested")].Should().Be("influencer_buy_in");
        map[LabelKey.Of("qualifiedtobuy")].Should().Be("opportunity");
        map[LabelKey.Of("Second demo")].Should().Be("demo");
    }
}

namespace Pipeline.Warehouse.Demo;

/// <summary>
/// A CRM pipeline: its open steps in order (label and canonical stage) and where deals may skip
/// a step or slip back one. The legacy pipeline has no discovery call or opportunity step.
/// </summary>
internal sealed record SalesPipeline(bool IsLegacy, int[] Labels, int[] Stages, int[] SkipFrom, int[] RegressAt)
{
    public static readonly SalesPipeline Modern = new(
        IsLegacy: false,
        Labels:
        [
            StageLabels.IdentifyLead, StageLabels.ConnectCallLabel, StageLabels.DiscoveryCallLabel,
            StageLabels.OpportunityLabel, StageLabels.DemoComplete, StageLabels.InfluencerBuyInLabel,
            StageLabels.DecisionMakerBuyInLabel, StageLabels.NegotiationLabel,
        ],
        Stages:
        [
            StageLabels.Lead, StageLabels.ConnectCall, StageLabels.DiscoveryCall, StageLabels.Opportunity,
            StageLabels.Demo, StageLabels.InfluencerBuyIn, StageLabels.DecisionMakerBuyIn, StageLabels.Negotiation,
        ],
        // connect call -> opportunity, discovery call -> demo, influencer -> negotiation.
        SkipFrom: [1, 1, 2, 5],
        // negotiation -> decision maker, decision maker -> influencer, influencer -> demo.
        RegressAt: [7, 7, 6, 5]);

    public static readonly SalesPipeline Legacy = new(
        IsLegacy: true,
        Labels:
        [
            StageLabels.LeadGenerated, StageLabels.MeetingBooked, StageLabels.DemoCompleted,
            StageLabels.QuoteRequested, StageLabels.ProposalPresented, StageLabels.NegotiationLabel,
        ],
        Stages:
        [
            StageLabels.Lead, StageLabels.ConnectCall, StageLabels.Demo, StageLabels.InfluencerBuyIn,
            StageLabels.DecisionMakerBuyIn, StageLabels.Negotiation,
        ],
        SkipFrom: [1, 3],
        RegressAt: [5, 5, 4]);

    public int LastStep => Stages.Length - 1;
}

namespace Pipeline.Warehouse.Demo;

/// <summary>
/// Source stage labels as the CRM writes them (the loader's stage map turns them into canonical
/// stages, METRICS.md section 2), and the canonical stage orders the simulation works in.
/// </summary>
internal static class StageLabels
{
    // Canonical orders (METRICS.md section 2); won is 9, lost has no order and is 10 here.
    public const int Lead = 1;
    public const int ConnectCall = 2;
    public const int DiscoveryCall = 3;
    public const int Opportunity = 4;
    public const int Demo = 5;
    public const int InfluencerBuyIn = 6;
    public const int DecisionMakerBuyIn = 7;
    public const int Negotiation = 8;
    public const int Won = 9;
    public const int Lost = 10;

    // Label indexes into Names.
    public const int IdentifyLead = 0;
    public const int ConnectCallLabel = 1;
    public const int DiscoveryCallLabel = 2;
    public const int OpportunityLabel = 3;
    public const int DemoComplete = 4;
    public const int SecondDemo = 5;
    public const int InfluencerBuyInLabel = 6;
    public const int DecisionMakerBuyInLabel = 7;
    public const int NegotiationLabel = 8;
    public const int ClosedWon = 9;
    public const int ClosedLost = 10;
    public const int LeadGenerated = 11;
    public const int LeadAssigned = 12;
    public const int MeetingBooked = 13;
    public const int DemoCompleted = 14;
    public const int QuoteRequested = 15;
    public const int ProposalPresented = 16;

    public static readonly string[] Names =
    [
        "Identify lead", "Connect call", "Discovery call", "Opportunity", "Demo complete", "Second demo",
        "Influencer buy-in", "Decision-maker buy-in", "Negotiation", "Closed won", "Closed lost",
        "Lead generated", "Lead assigned", "Meeting booked", "Demo completed", "Quote requested",
        "Proposal presented",
    ];

    /// <summary>The canonical stage keys (METRICS.md section 2) by canonical order; index 0 is unused.</summary>
    public static readonly string[] CanonicalStages =
    [
        "", "lead", "connect_call", "discovery_call", "opportunity", "demo", "influencer_buy_in",
        "decision_maker_buy_in", "negotiation", "closed_won", "closed_lost",
    ];

    /// <summary>Whether the label closes the deal (won or lost).</summary>
    public static bool IsClosed(int label) => label is ClosedWon or ClosedLost;

    /// <summary>Canonical order of each label, by label index.</summary>
    public static readonly int[] CanonicalOrder =
    [
        Lead, ConnectCall, DiscoveryCall, Opportunity, Demo, Demo, InfluencerBuyIn, DecisionMakerBuyIn,
        Negotiation, Won, Lost, Lead, Lead, ConnectCall, Demo, InfluencerBuyIn, DecisionMakerBuyIn,
    ];
}

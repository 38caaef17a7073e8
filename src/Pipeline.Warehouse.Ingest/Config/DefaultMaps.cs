namespace Pipeline.Warehouse.Ingest.Config;

/// <summary>The default stage and lead-type maps of INPUTS.md; a config file extends them.</summary>
public static class DefaultMaps
{
    /// <summary>Source stage label -> canonical stage. Keys are compared through <see cref="LabelKey"/>.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Stages =
    [
        // The modern pipeline, under its own names and the seed's labels.
        .. CanonicalNames.Stages.Select(s => KeyValuePair.Create(s, s)),
        Pair("Identify lead", "lead"),
        Pair("Demo complete", "demo"),
        Pair("Second demo", "demo"),
        Pair("Closed won", "closed_won"),
        Pair("Closed lost", "closed_lost"),
        // The legacy 7-stage pipeline.
        Pair("Lead generated", "lead"),
        Pair("Lead assigned", "lead"),
        Pair("Meeting booked", "connect_call"),
        Pair("Demo completed", "demo"),
        Pair("Quote requested", "influencer_buy_in"),
        Pair("Proposal presented", "decision_maker_buy_in"),
        Pair("Negotiation", "negotiation"),
        // HubSpot's default pipeline (internal ids; labels map through the same keys).
        Pair("appointmentscheduled", "connect_call"),
        Pair("Appointment scheduled", "connect_call"),
        Pair("qualifiedtobuy", "opportunity"),
        Pair("Qualified to buy", "opportunity"),
        Pair("presentationscheduled", "demo"),
        Pair("Presentation scheduled", "demo"),
        Pair("decisionmakerboughtin", "decision_maker_buy_in"),
        Pair("Decision maker bought-in", "decision_maker_buy_in"),
        Pair("contractsent", "negotiation"),
        Pair("Contract sent", "negotiation"),
        Pair("closedwon", "closed_won"),
        Pair("closedlost", "closed_lost"),
        // Salesforce's default opportunity stages.
        Pair("Prospecting", "lead"),
        Pair("Qualification", "connect_call"),
        Pair("Needs Analysis", "discovery_call"),
        Pair("Value Proposition", "opportunity"),
        Pair("Id. Decision Makers", "influencer_buy_in"),
        Pair("Perception Analysis", "influencer_buy_in"),
        Pair("Proposal/Price Quote", "decision_maker_buy_in"),
        Pair("Negotiation/Review", "negotiation"),
    ];

    /// <summary>
    /// In the canonical dialect the default lead-type map knows the nine names only
    /// (compared like stage labels, so "Warm Call" and "M.Q.L." match).
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> LeadTypes =
        [.. CanonicalNames.LeadTypes.Select(t => KeyValuePair.Create(t, t))];

    private static KeyValuePair<string, string> Pair(string label, string canonical) => KeyValuePair.Create(label, canonical);
}

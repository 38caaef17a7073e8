namespace Pipeline.Warehouse.Ingest.Config;

/// <summary>The nine canonical stages (METRICS.md section 2) and the nine lead types (INPUTS.md).</summary>
public static class CanonicalNames
{
    public static readonly IReadOnlyList<string> Stages =
    [
        "lead", "connect_call", "discovery_call", "opportunity", "demo", "influencer_buy_in",
        "decision_maker_buy_in", "negotiation", "closed_won", "closed_lost",
    ];

    public static readonly IReadOnlyList<string> LeadTypes =
    [
        "inbound", "mql", "sql", "warm_call", "target_account", "friends_family", "event", "referral",
        "re_engaged",
    ];
}

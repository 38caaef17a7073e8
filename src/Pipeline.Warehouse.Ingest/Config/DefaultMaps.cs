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

    /// <summary>
    /// Salesforce's standard LeadSource picklist values (and those of its demo org) -> lead type.
    /// The canonical names (and labels like "Friends/Family") map as in every dialect.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> SalesforceLeadSources =
    [
        Pair("Web", "inbound"),
        Pair("Phone Inquiry", "inbound"),
        Pair("Public Relations", "inbound"),
        Pair("Advertisement", "mql"),
        Pair("Partner Referral", "referral"),
        Pair("Employee Referral", "referral"),
        Pair("External Referral", "referral"),
        Pair("Partner", "referral"),
        Pair("Word of mouth", "referral"),
        Pair("Purchased List", "target_account"),
        Pair("Trade Show", "event"),
        Pair("Seminar - Internal", "event"),
        Pair("Seminar - Partner", "event"),
        Pair("Other", "unknown"),
    ];

    /// <summary>
    /// HubSpot's "Original Source Type" values (internal names and labels) -> lead type.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> HubSpotSources =
    [
        Pair("ORGANIC_SEARCH", "inbound"),
        Pair("Organic search", "inbound"),
        Pair("DIRECT_TRAFFIC", "inbound"),
        Pair("Direct traffic", "inbound"),
        Pair("SOCIAL_MEDIA", "inbound"),
        Pair("Organic social", "inbound"),
        Pair("PAID_SEARCH", "mql"),
        Pair("Paid search", "mql"),
        Pair("PAID_SOCIAL", "mql"),
        Pair("Paid social", "mql"),
        Pair("EMAIL_MARKETING", "mql"),
        Pair("Email marketing", "mql"),
        Pair("OTHER_CAMPAIGNS", "mql"),
        Pair("Other campaigns", "mql"),
        Pair("REFERRALS", "referral"),
        Pair("Referrals", "referral"),
        Pair("AI_REFERRALS", "referral"),
        Pair("AI referrals", "referral"),
        Pair("OFFLINE", "unknown"),
        Pair("Offline sources", "unknown"),
    ];

    /// <summary>
    /// Country -> region (names and common ISO codes), for the dialects that give an account's or
    /// a user's country instead of a region. The regions are those of the demo: North America,
    /// EMEA, APAC, LATAM. A config's countryRegionMap extends or overrides it.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> CountryRegions =
    [
        .. Region("North America", "United States", "United States of America", "USA", "US", "Canada", "CA"),
        .. Region("EMEA", "United Kingdom", "UK", "GB", "Great Britain", "England", "Scotland", "Ireland", "IE", "Germany", "DE",
            "France", "FR", "Spain", "ES", "Italy", "IT", "Netherlands", "NL", "Belgium", "BE", "Luxembourg", "Switzerland", "CH",
            "Austria", "AT", "Sweden", "SE", "Norway", "NO", "Denmark", "DK", "Finland", "FI", "Iceland", "Poland", "PL",
            "Portugal", "PT", "Czech Republic", "Czechia", "CZ", "Hungary", "Romania", "Greece", "Israel", "IL", "Turkey", "Türkiye",
            "United Arab Emirates", "UAE", "AE", "Saudi Arabia", "SA", "Qatar", "Egypt", "South Africa", "ZA", "Nigeria", "Kenya", "Morocco"),
        .. Region("APAC", "Japan", "JP", "China", "CN", "India", "Australia", "AU", "New Zealand", "NZ", "Singapore", "SG",
            "South Korea", "Korea", "KR", "Hong Kong", "HK", "Taiwan", "TW", "Indonesia", "ID", "Malaysia", "MY", "Philippines", "PH",
            "Thailand", "TH", "Vietnam", "Viet Nam", "VN", "Pakistan", "Bangladesh", "Sri Lanka"),
        .. Region("LATAM", "Brazil", "BR", "Mexico", "MX", "Argentina", "AR", "Chile", "CL", "Colombia", "CO", "Peru", "PE",
            "Uruguay", "UY", "Paraguay", "Bolivia", "Ecuador", "Venezuela", "Costa Rica", "Panama", "Guatemala", "Dominican Republic", "Puerto Rico"),
    ];

    private static IEnumerable<KeyValuePair<string, string>> Region(string region, params string[] countries) =>
        countries.Select(country => Pair(country, region));

    private static KeyValuePair<string, string> Pair(string label, string canonical) => KeyValuePair.Create(label, canonical);
}

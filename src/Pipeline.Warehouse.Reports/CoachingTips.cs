namespace Pipeline.Warehouse.Reports;

/// <summary>One line of advice per weak stage conversion, shown beside a coaching flag.</summary>
internal static class CoachingTips
{
    private static readonly Dictionary<string, string> Tips = new(StringComparer.Ordinal)
    {
        ["lead"] = "Work new leads within a day and use several channels before giving up on a first connect",
        ["connect_call"] = "Use the first call to earn a discovery meeting: agree a date and an agenda before hanging up",
        ["discovery_call"] = "Qualify pain, authority and urgency in discovery before proposing a next step",
        ["opportunity"] = "Tailor the demo to the pains found in discovery and confirm who must attend before booking it",
        ["demo"] = "Close every demo with a mutual plan and identify the champion who will carry it internally",
        ["influencer_buy_in"] = "Ask your champion to introduce the decision maker, and equip them with a business case",
        ["decision_maker_buy_in"] = "Tie the proposal to the decision maker's goals and agree the buying process and timeline",
        ["negotiation"] = "Trade concessions for commitments, anchor on value, and set a clear close date with the buyer",
    };

    public static string For(string stage) => Tips.TryGetValue(stage, out var tip)
        ? tip
        : "Review recent deals at this stage with your manager";
}

namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>The default stage map of INPUTS.md for the labels the demo writes, as canonical orders (won 9, lost 10).</summary>
internal static class StageOrders
{
    public const int Won = 9;
    public const int Lost = 10;

    public static readonly string[] ModernLabels =
    [
        "Identify lead", "Connect call", "Discovery call", "Opportunity", "Demo complete", "Second demo",
        "Influencer buy-in", "Decision-maker buy-in", "Negotiation", "Closed won", "Closed lost",
    ];

    public static readonly string[] LegacyLabels =
    [
        "Lead generated", "Lead assigned", "Meeting booked", "Demo completed", "Quote requested",
        "Proposal presented", "Negotiation", "Closed won", "Closed lost",
    ];

    public static readonly IReadOnlyDictionary<string, int> ByLabel = new Dictionary<string, int>
    {
        ["Identify lead"] = 1,
        ["Connect call"] = 2,
        ["Discovery call"] = 3,
        ["Opportunity"] = 4,
        ["Demo complete"] = 5,
        ["Second demo"] = 5,
        ["Influencer buy-in"] = 6,
        ["Decision-maker buy-in"] = 7,
        ["Negotiation"] = 8,
        ["Closed won"] = Won,
        ["Closed lost"] = Lost,
        ["Lead generated"] = 1,
        ["Lead assigned"] = 1,
        ["Meeting booked"] = 2,
        ["Demo completed"] = 5,
        ["Quote requested"] = 6,
        ["Proposal presented"] = 7,
    };
}

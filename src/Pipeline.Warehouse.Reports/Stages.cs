namespace Pipeline.Warehouse.Reports;

/// <summary>The canonical stages in order (core.dim_stage); stage k converts to stage k + 1.</summary>
internal static class Stages
{
    public static readonly string[] Names =
    [
        "lead", "connect_call", "discovery_call", "opportunity", "demo",
        "influencer_buy_in", "decision_maker_buy_in", "negotiation", "closed_won",
    ];

    /// <summary>The stages' names for people (core.dim_stage.label), in the same order.</summary>
    public static readonly string[] Labels =
    [
        "Lead", "Connect call", "Discovery call", "Opportunity", "Demo",
        "Influencer buy-in", "Decision-maker buy-in", "Negotiation", "Closed won",
    ];

    /// <summary>The stages with a conversion: orders 1-8.</summary>
    public static IEnumerable<int> Converting => Enumerable.Range(1, 8);

    public static string Name(int order) => Names[order - 1];

    /// <summary>"Discovery call → Opportunity" for order 3: the header people read in the workbooks.</summary>
    public static string StepLabel(int order) => $"{Labels[order - 1]} → {Labels[order]}";

    /// <summary>"discovery_call -> opportunity" for order 3.</summary>
    public static string Step(int order) => $"{Name(order)} -> {Name(order + 1)}";
}

namespace Pipeline.Warehouse.Demo;

/// <summary>
/// What a team sells to: its company-size mix, its lead-type mix (in <see cref="LeadTypeProfile.All"/>
/// order), how many deals a rep opens relative to others, and the quarterly quota of a rep.
/// </summary>
internal sealed record TeamSegment(string Name, WeightedChoice Sizes, WeightedChoice LeadTypes, double DealWeight, long QuarterlyQuota)
{
    public static readonly TeamSegment Enterprise = new(
        "Enterprise",
        Sizes: new WeightedChoice(15, 35, 50),
        LeadTypes: new WeightedChoice(8, 10, 12, 10, 30, 3, 12, 10, 5),
        DealWeight: 0.8,
        QuarterlyQuota: 600_000);

    public static readonly TeamSegment MidMarket = new(
        "Mid-Market",
        Sizes: new WeightedChoice(25, 60, 15),
        LeadTypes: new WeightedChoice(20, 20, 15, 12, 8, 4, 8, 8, 5),
        DealWeight: 1.0,
        QuarterlyQuota: 350_000);

    public static readonly TeamSegment Commercial = new(
        "Commercial",
        Sizes: new WeightedChoice(55, 37, 8),
        LeadTypes: new WeightedChoice(28, 22, 12, 14, 3, 5, 6, 6, 4),
        DealWeight: 1.25,
        QuarterlyQuota: 200_000);
}

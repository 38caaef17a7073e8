namespace Pipeline.Warehouse.Demo;

/// <summary>What <see cref="NightsGenerator.Generate"/> wrote.</summary>
/// <param name="Nights">Night folders (the re-delivered copy not counted).</param>
/// <param name="FirstNight">Date of the first night.</param>
/// <param name="LastNight">Date of the last night: the as-of date.</param>
/// <param name="DealsLastNight">Rows of the last night's deals.csv.</param>
/// <param name="EventTotals">Counts over all nights, by <see cref="NightEvent"/>.</param>
/// <param name="Elapsed">Wall time of the whole generation.</param>
public sealed record NightsSummary(int Nights, DateOnly FirstNight, DateOnly LastNight, long DealsLastNight, IReadOnlyList<long> EventTotals, TimeSpan Elapsed)
{
    public long Total(NightEvent kind) => EventTotals[(int)kind];
}

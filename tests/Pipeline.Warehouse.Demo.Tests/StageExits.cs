namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>
/// A small re-implementation of METRICS.md sections 3-4 for the signal tests: a deal's timeline
/// (sorted, exact duplicates dropped, consecutive equal stages collapsed) and its stage exits.
/// </summary>
internal static class StageExits
{
    public static List<(int Order, DateTime At)> Timeline(IEnumerable<string[]> historyRows)
    {
        var entries = historyRows
            .Select(row => (Order: StageOrders.ByLabel[row[1]], At: Timestamps.Parse(row[2])))
            .Distinct()
            .OrderBy(entry => entry.At)
            .ThenBy(entry => entry.Order)
            .ToList();
        var timeline = new List<(int Order, DateTime At)>();
        foreach (var entry in entries)
        {
            if (timeline.Count == 0 || timeline[^1].Order != entry.Order)
            {
                timeline.Add(entry);
            }
        }

        return timeline;
    }

    /// <summary>The exit of stage <paramref name="stage"/> (1..8), or null when the deal never reached it or still sits in it.</summary>
    public static (bool Advanced, DateTime At)? Exit(List<(int Order, DateTime At)> timeline, int stage)
    {
        bool reached = timeline.Any(entry => entry.Order != StageOrders.Lost && entry.Order >= stage);
        if (!reached)
        {
            return null;
        }

        foreach (var entry in timeline)
        {
            if (entry.Order != StageOrders.Lost && entry.Order > stage)
            {
                return (true, entry.At);
            }
        }

        int last = timeline[^1].Order;
        return last is StageOrders.Won or StageOrders.Lost ? (false, timeline[^1].At) : null;
    }
}

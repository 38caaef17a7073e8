namespace Pipeline.Warehouse.Demo;

/// <summary>Why deals are lost: early losses are mostly silence, late ones mostly price and competition.</summary>
internal static class LossReasons
{
    public static readonly string[] Names = ["Price", "Chose competitor", "No decision", "Timing", "No budget", "Went dark"];

    public static readonly WeightedChoice Early = new(3, 2, 30, 20, 15, 30);

    public static readonly WeightedChoice Late = new(30, 30, 15, 10, 10, 5);
}

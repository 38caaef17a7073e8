namespace Pipeline.Warehouse.Demo;

/// <summary>A product line: its name, how often it is sold and how its deal sizes compare.</summary>
internal sealed record DemoProduct(string Name, double Weight, double AmountFactor)
{
    public static readonly DemoProduct[] All =
    [
        new("Analytics Cloud", Weight: 35, AmountFactor: 1.00),
        new("Data Platform", Weight: 25, AmountFactor: 1.55),
        new("Security Suite", Weight: 25, AmountFactor: 1.20),
        new("Integration Hub", Weight: 15, AmountFactor: 0.60),
    ];
}

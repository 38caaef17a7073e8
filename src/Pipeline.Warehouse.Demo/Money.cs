namespace Pipeline.Warehouse.Demo;

/// <summary>Amounts in cents, rounded the way sales reps type them.</summary>
internal static class Money
{
    private const long Hundred = 100_00;

    /// <summary>Cents rounded half-up to whole hundreds of currency units, at least 1,000.</summary>
    public static long RoundToHundreds(double cents) => Math.Max(10 * Hundred, (long)((cents / Hundred) + 0.5) * Hundred);
}

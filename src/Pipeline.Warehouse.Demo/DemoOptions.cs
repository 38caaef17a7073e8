namespace Pipeline.Warehouse.Demo;

/// <summary>What to generate: where, how many deals, from which seed and as of which date.</summary>
/// <param name="OutputDirectory">Folder for the CSV files; created when missing, files overwritten.</param>
/// <param name="Deals">Number of deals (rows of deals.csv), at least 1.</param>
/// <param name="Seed">Seed of the generator: the same options give byte-identical files.</param>
/// <param name="AsOf">Required. The export date: every timestamp is before the as-of instant T = AsOf + 1 day 00:00 UTC.</param>
/// <param name="Reps">
/// Number of sales reps. 0 (the default) keeps the fixed roster of 35 sellers in 5 teams (41 people with
/// the managers and the VP); N &gt; 0 builds N sellers in teams of about 8, ids R0001.., for load tests.
/// </param>
public sealed record DemoOptions(string OutputDirectory, int Deals = 5000, int Seed = 42, DateOnly AsOf = default, int Reps = 0)
{
    /// <summary>Largest <see cref="Reps"/>.</summary>
    public const int MaxReps = 100_000;

    /// <summary>
    /// The export format (default <see cref="DemoDialect.Canonical"/>). The dialect changes only the files
    /// and columns written: the same other options give the same deals, history and roster in every dialect.
    /// </summary>
    public DemoDialect Dialect { get; init; } = DemoDialect.Canonical;
}

namespace Pipeline.Warehouse.Demo;

/// <summary>A row of reps.csv. Sellers own deals and carry quotas; managers and the VP do neither.</summary>
internal sealed record DemoRep(
    string RepId,
    string Name,
    string Email,
    string ManagerId,
    string Team,
    string Region,
    bool Active,
    bool IsSeller,
    int TeamIndex);

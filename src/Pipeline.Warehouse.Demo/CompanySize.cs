namespace Pipeline.Warehouse.Demo;

/// <summary>A company-size class: its label, employee range and how deals of that size behave.</summary>
internal sealed record CompanySize(
    string Label,
    int MinEmployees,
    int MaxEmployees,
    long BaseAmountCents,
    double Speed,
    int ExpectedCycleDays)
{
    public const int Smb = 0;
    public const int MidMarket = 1;
    public const int Enterprise = 2;

    public static readonly CompanySize[] All =
    [
        new("smb", MinEmployees: 5, MaxEmployees: 100, BaseAmountCents: 9_000_00, Speed: 0.60, ExpectedCycleDays: 45),
        new("mid_market", MinEmployees: 100, MaxEmployees: 1_000, BaseAmountCents: 32_000_00, Speed: 1.00, ExpectedCycleDays: 90),
        new("enterprise", MinEmployees: 1_000, MaxEmployees: 60_000, BaseAmountCents: 110_000_00, Speed: 1.70, ExpectedCycleDays: 150),
    ];

    /// <summary>
    /// An employee count the canonical size rule (INPUTS.md: &lt; 100 smb, 100-999 mid_market, &gt;= 1000 enterprise)
    /// maps to <paramref name="sizeClass"/>: <paramref name="employees"/> clamped into that class's band.
    /// </summary>
    public static int EmployeesInClass(int sizeClass, int employees) => sizeClass switch
    {
        Smb => Math.Clamp(employees, 1, 99),
        MidMarket => Math.Clamp(employees, 100, 999),
        Enterprise => Math.Max(employees, 1_000),
        _ => throw new ArgumentOutOfRangeException(nameof(sizeClass), sizeClass, "Not a size class."),
    };
}

namespace Pipeline.Warehouse.Demo;

/// <summary>A sales team: one region, one segment, one manager; the legacy team still uses the old CRM stages.</summary>
internal sealed record DemoTeam(string Name, string Region, TeamSegment Segment, int Sellers, bool IsLegacy)
{
    public const string NorthAmerica = "North America";
    public const string Emea = "EMEA";
    public const string Apac = "APAC";
    public const string Latam = "LATAM";

    public static readonly DemoTeam[] All =
    [
        new("North America Enterprise", NorthAmerica, TeamSegment.Enterprise, Sellers: 8, IsLegacy: false),
        new("North America Mid-Market", NorthAmerica, TeamSegment.MidMarket, Sellers: 9, IsLegacy: false),
        new("EMEA Enterprise", Emea, TeamSegment.Enterprise, Sellers: 8, IsLegacy: false),
        new("APAC Commercial", Apac, TeamSegment.Commercial, Sellers: 7, IsLegacy: false),
        new("LATAM Commercial", Latam, TeamSegment.Commercial, Sellers: 3, IsLegacy: true),
    ];
}

namespace Pipeline.Warehouse.Demo;

/// <summary>The country CRM dialects write for a roster region (Salesforce BillingCountry and User.Country, HubSpot Country/Region).</summary>
internal static class RegionCountries
{
    private static readonly Dictionary<string, string> ByRegion = new(StringComparer.Ordinal)
    {
        [DemoTeam.NorthAmerica] = "United States",
        [DemoTeam.Emea] = "Germany",
        [DemoTeam.Apac] = "Japan",
        [DemoTeam.Latam] = "Brazil",
    };

    public static string Country(string region) =>
        ByRegion.TryGetValue(region, out string? country)
            ? country
            : throw new InvalidOperationException($"The demo has no country for region \"{region}\": add it to {nameof(RegionCountries)}.");
}

namespace Pipeline.Warehouse.Demo;

/// <summary>The CSV-encoded values every dialect writes, encoded once: labels by index, rep fields by seller.</summary>
internal sealed class ExportFields
{
    public ExportFields(DemoRoster roster)
    {
        RepIds = CsvText.Fields([.. roster.Sellers.Select(r => r.RepId)]);
        RepNames = CsvText.Fields([.. roster.Sellers.Select(r => r.Name)]);
        Regions = CsvText.Fields([.. roster.Sellers.Select(r => r.Region)]);
        var regionNames = roster.Sellers.Select(r => r.Region).Distinct(StringComparer.Ordinal).ToList();
        RegionIndex = [.. roster.Sellers.Select(r => regionNames.IndexOf(r.Region))];
        Countries = CsvText.Fields([.. regionNames.Select(RegionCountries.Country)]);
        IsLegacy = [.. roster.Sellers.Select(r => roster.Teams[r.TeamIndex].IsLegacy)];
    }

    /// <summary>rep_id by seller.</summary>
    public byte[][] RepIds { get; }

    /// <summary>rep_name by seller.</summary>
    public byte[][] RepNames { get; }

    /// <summary>region by seller.</summary>
    public byte[][] Regions { get; }

    /// <summary>Index into <see cref="Countries"/> by seller: the seller's region, numbered in first-seen order.</summary>
    public int[] RegionIndex { get; }

    /// <summary>The country of each region (<see cref="RegionCountries"/>), by region index.</summary>
    public byte[][] Countries { get; }

    /// <summary>The seller's team still uses the legacy CRM stages.</summary>
    public bool[] IsLegacy { get; }

    public byte[][] Products { get; } = CsvText.Fields([.. DemoProduct.All.Select(p => p.Name)]);

    public byte[][] Sizes { get; } = CsvText.Fields([.. CompanySize.All.Select(s => s.Label)]);

    public byte[][] LeadTypes { get; } = CsvText.Fields([.. LeadTypeProfile.All.Select(l => l.Label)]);

    public byte[][] Stages { get; } = CsvText.Fields(StageLabels.Names);

    public byte[][] LossReasons { get; } = CsvText.Fields(Demo.LossReasons.Names);

    /// <summary>Forecast category values by category, as each dialect writes them.</summary>
    public byte[][] CanonicalForecastCategories { get; } = CsvText.Fields(ForecastCategories.Canonical);

    public byte[][] SalesforceForecastCategories { get; } = CsvText.Fields(ForecastCategories.Salesforce);

    public byte[][] HubSpotForecastCategories { get; } = CsvText.Fields(ForecastCategories.HubSpot);

    public byte[] Usd { get; } = CsvText.Field("USD");

    public static byte[] True { get; } = "true"u8.ToArray();

    public static byte[] False { get; } = "false"u8.ToArray();

    public static byte[] Boolean(bool value) => value ? True : False;
}

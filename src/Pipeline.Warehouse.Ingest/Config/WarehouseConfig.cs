using System.Text.Json;

namespace Pipeline.Warehouse.Ingest.Config;

/// <summary>
/// The user's config file (JSON, see README "Configuration"). Every field is optional; the maps
/// extend the defaults of INPUTS.md (a user entry wins over a default with the same key).
/// </summary>
public sealed record WarehouseConfig
{
    /// <summary>Source stage label -> canonical stage name.</summary>
    public Dictionary<string, string> StageMap { get; init; } = [];

    /// <summary>Source lead-type label -> canonical lead type (or "unknown").</summary>
    public Dictionary<string, string> LeadTypeMap { get; init; } = [];

    /// <summary>ISO code of the reporting currency; an empty <c>currency</c> field means this one.</summary>
    public string ReportingCurrency { get; init; } = "USD";

    /// <summary>Currency code -> units of the reporting currency per one unit of it.</summary>
    public Dictionary<string, decimal> ExchangeRates { get; init; } = [];

    /// <summary>A file whose rejected rows exceed this share of its rows fails the run.</summary>
    public double RejectThresholdPercent { get; init; } = 5.0;

    /// <summary>
    /// The largest drop in the number of deals, in percent of the warehouse's, that a run accepts
    /// without --allow-shrink (default 50: an export with fewer than half the deals is refused).
    /// </summary>
    public double ShrinkLimitPercent { get; init; } = 50.0;

    /// <summary>Extra timestamp formats (DuckDB strptime syntax, e.g. "%m/%d/%Y %H:%M"), tried after ISO 8601.</summary>
    public List<string> TimestampFormats { get; init; } = [];

    /// <summary>
    /// The earliest plausible timestamp (ISO date, inclusive): a date or timestamp in an export before
    /// it makes a bad row (a 0001-01-01 placeholder would otherwise stretch the calendar by millennia).
    /// </summary>
    public string EarliestTimestamp { get; init; } = "1970-01-01";

    /// <summary>The end of the plausible range (ISO date, exclusive): a date or timestamp on or after it makes a bad row.</summary>
    public string LatestTimestamp { get; init; } = "2100-01-01";

    /// <summary>The plausible range as dates, once the config is validated.</summary>
    public DateOnly EarliestDate => ParseDate(EarliestTimestamp) ?? new DateOnly(1970, 1, 1);

    /// <summary>The exclusive end of the plausible range as a date.</summary>
    public DateOnly LatestDate => ParseDate(LatestTimestamp) ?? new DateOnly(2100, 1, 1);

    /// <summary>Country (name or ISO code, as the CRM writes it) -> region, for dialects that give a country, not a region.</summary>
    public Dictionary<string, string> CountryRegionMap { get; init; } = [];

    /// <summary>
    /// Canonical open stage -> probability (0..1) for the weighted-pipeline baseline of the forecast
    /// (METRICS.md section 8); entries replace the CRM defaults of <see cref="DefaultStageProbabilities"/>.
    /// </summary>
    public Dictionary<string, double> StageProbabilities { get; init; } = [];

    /// <summary>Salesforce's default stage probabilities laid onto the canonical open stages (METRICS.md section 8).</summary>
    public static readonly IReadOnlyDictionary<string, double> DefaultStageProbabilities = new Dictionary<string, double>
    {
        ["lead"] = 0.05,
        ["connect_call"] = 0.10,
        ["discovery_call"] = 0.10,
        ["opportunity"] = 0.20,
        ["demo"] = 0.50,
        ["influencer_buy_in"] = 0.60,
        ["decision_maker_buy_in"] = 0.70,
        ["negotiation"] = 0.90,
    };

    /// <summary>The weighted-pipeline probabilities: the defaults, then the config's entries.</summary>
    public IReadOnlyDictionary<string, double> EffectiveStageProbabilities()
    {
        var merged = new Dictionary<string, double>(DefaultStageProbabilities);
        foreach (var (stage, probability) in StageProbabilities)
            merged[stage.Trim().ToLowerInvariant()] = probability;
        return merged;
    }

    /// <summary>Options of the Salesforce dialect.</summary>
    public SalesforceOptions Salesforce { get; init; } = new();

    /// <summary>Options of the HubSpot dialect.</summary>
    public HubSpotOptions HubSpot { get; init; } = new();

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static WarehouseConfig Load(string? path)
    {
        if (path is null)
            return new WarehouseConfig();
        if (!File.Exists(path))
            throw new InputException($"Config file {path} does not exist. Pass an existing JSON file to --config, or leave the option out to use the defaults.");
        WarehouseConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<WarehouseConfig>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" line {line + 1}" : "";
            throw new InputException($"Config file {path}{where}: {e.Message} See README \"Configuration\" for the keys it takes.");
        }
        return (config ?? new WarehouseConfig()).Validated(path);
    }

    private WarehouseConfig Validated(string path)
    {
        foreach (var (label, stage) in StageMap)
            if (!CanonicalNames.Stages.Contains(stage))
                throw new InputException($"Config file {path}: stageMap maps \"{label}\" to \"{stage}\", which is not a canonical stage. Use one of: {string.Join(", ", CanonicalNames.Stages)}.");
        foreach (var (label, leadType) in LeadTypeMap)
            if (!CanonicalNames.LeadTypes.Contains(leadType) && leadType != "unknown")
                throw new InputException($"Config file {path}: leadTypeMap maps \"{label}\" to \"{leadType}\", which is not a canonical lead type. Use one of: {string.Join(", ", CanonicalNames.LeadTypes)}, unknown.");
        foreach (var (currency, rate) in ExchangeRates)
            if (rate <= 0)
                throw new InputException($"Config file {path}: exchangeRates.{currency} is {rate}; a rate must be a positive number of {ReportingCurrency} per {currency}.");
        foreach (var (country, region) in CountryRegionMap)
            if (string.IsNullOrWhiteSpace(region))
                throw new InputException($"Config file {path}: countryRegionMap maps \"{country}\" to an empty region; give the region's name.");
        Salesforce.Validate(path);
        HubSpot.Validate(path);
        foreach (var (stage, probability) in StageProbabilities)
        {
            if (!DefaultStageProbabilities.ContainsKey(stage.Trim().ToLowerInvariant()))
                throw new InputException($"Config file {path}: stageProbabilities names \"{stage}\", which is not an open canonical stage; use one of {string.Join(", ", DefaultStageProbabilities.Keys)}.");
            if (probability is < 0 or > 1 || double.IsNaN(probability))
                throw new InputException($"Config file {path}: stageProbabilities.{stage} is {probability}; use a probability between 0 and 1 (0.9 for 90%).");
        }
        if (ShrinkLimitPercent is < 0 or > 100)
            throw new InputException($"Config file {path}: shrinkLimitPercent is {ShrinkLimitPercent}; use a percentage between 0 and 100 (100 accepts any drop but an empty export).");
        if (RejectThresholdPercent is < 0 or > 100)
            throw new InputException($"Config file {path}: rejectThresholdPercent is {RejectThresholdPercent}; use a percentage between 0 and 100.");
        if (ParseDate(EarliestTimestamp) is not { } earliest)
            throw new InputException($"Config file {path}: earliestTimestamp is \"{EarliestTimestamp}\", which is not a date. Write an ISO 8601 date such as 1970-01-01.");
        if (ParseDate(LatestTimestamp) is not { } latest)
            throw new InputException($"Config file {path}: latestTimestamp is \"{LatestTimestamp}\", which is not a date. Write an ISO 8601 date such as 2100-01-01.");
        if (latest <= earliest)
            throw new InputException($"Config file {path}: latestTimestamp {LatestTimestamp} is not after earliestTimestamp {EarliestTimestamp}; the plausible range runs from earliestTimestamp up to (not including) latestTimestamp.");
        return this;
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    public IEnumerable<KeyValuePair<string, string>> EffectiveStageMap() => Merge(DefaultMaps.Stages, StageMap);

    /// <summary>The stage map of a dialect: the defaults, the dialect's own labels, then the user's entries.</summary>
    public IEnumerable<KeyValuePair<string, string>> EffectiveStageMap(IEnumerable<KeyValuePair<string, string>> dialectDefaults) =>
        Merge([.. DefaultMaps.Stages, .. dialectDefaults], StageMap);

    public IEnumerable<KeyValuePair<string, string>> EffectiveLeadTypeMap() => Merge(DefaultMaps.LeadTypes, LeadTypeMap);

    /// <summary>The lead-type map of a dialect: the canonical names, the dialect's own defaults, then the user's entries.</summary>
    public IEnumerable<KeyValuePair<string, string>> EffectiveLeadTypeMap(IEnumerable<KeyValuePair<string, string>> dialectDefaults) =>
        Merge([.. DefaultMaps.LeadTypes, .. dialectDefaults], LeadTypeMap);

    public IEnumerable<KeyValuePair<string, string>> EffectiveCountryRegionMap() => Merge(DefaultMaps.CountryRegions, CountryRegionMap);

    /// <summary>Defaults, then the user's entries; keyed by <see cref="LabelKey"/>, the last entry wins.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Merge(
        IEnumerable<KeyValuePair<string, string>> defaults, Dictionary<string, string> user)
    {
        var merged = new Dictionary<string, string>();
        foreach (var (label, value) in defaults.Concat(user))
            merged[LabelKey.Of(label)] = value;
        return merged.OrderBy(p => p.Key, StringComparer.Ordinal);
    }
}

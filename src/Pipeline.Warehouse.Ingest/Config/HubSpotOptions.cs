namespace Pipeline.Warehouse.Ingest.Config;

/// <summary>
/// How the HubSpot dialect reads what a HubSpot export leaves to the portal (README "HubSpot"): a
/// stage map per pipeline (a label can mean different stages in two pipelines), and which deal
/// columns hold the product and the lead type.
/// </summary>
public sealed record HubSpotOptions
{
    /// <summary>Pipeline label -> (stage label or internal id -> canonical stage); wins over stageMap for that pipeline.</summary>
    public Dictionary<string, Dictionary<string, string>> PipelineStageMaps { get; init; } = [];

    /// <summary>The deal column with the product (a custom deal property in most portals).</summary>
    public string ProductField { get; init; } = "Product";

    /// <summary>The deal column with the lead source.</summary>
    public string LeadTypeField { get; init; } = "Original Source Type";

    internal void Validate(string path)
    {
        foreach (var (pipeline, map) in PipelineStageMaps)
            foreach (var (label, stage) in map)
                if (!CanonicalNames.Stages.Contains(stage))
                    throw new InputException($"Config file {path}: hubspot.pipelineStageMaps.{pipeline} maps \"{label}\" to \"{stage}\", which is not a canonical stage. Use one of: {string.Join(", ", CanonicalNames.Stages)}.");
        if (string.IsNullOrWhiteSpace(ProductField))
            throw new InputException($"Config file {path}: hubspot.productField is empty; name the deal column with the product.");
        if (string.IsNullOrWhiteSpace(LeadTypeField))
            throw new InputException($"Config file {path}: hubspot.leadTypeField is empty; name the deal column with the lead source.");
    }
}

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Every label a report prints, read once from the warehouse: stages in the user's own words where
/// the stage map gives one label per stage (core.dim_stage), lead types, company sizes, regions and
/// products (marts.labels). A value the warehouse has no label for is shown as it is.
/// </summary>
internal sealed class Labels
{
    private readonly Dictionary<(string Kind, string Value), string> _labels;

    public Labels(IEnumerable<(string Kind, string Value, string Label)> labels, IReadOnlyList<StageInfo> stages)
    {
        _labels = new Dictionary<(string, string), string>();
        foreach (var (kind, value, label) in labels)
            _labels[(kind, value)] = label;
        foreach (var stage in stages)
            _labels[("stage", stage.Stage)] = stage.Label;
        Stages = stages;
        Used = stages.Where(stage => stage.Order is >= 1 and <= 8 && stage.IsUsed).OrderBy(stage => stage.Order).ToList();
    }

    /// <summary>The stages 1-9 in pipeline order.</summary>
    public IReadOnlyList<StageInfo> Stages { get; }

    /// <summary>The open stages (orders 1-8) some deal's timeline enters: the steps of the user's funnel, in order.</summary>
    public IReadOnlyList<StageInfo> Used { get; }

    /// <summary>Whether any deal reaches opportunity or a later open stage (what open-pipeline and velocity figures count).</summary>
    public bool UsesOpportunity => Used.Any(stage => stage.Order >= 4);

    public string Of(string kind, string? value) => value is null
        ? "–"
        : _labels.TryGetValue((kind, value), out var label) ? label : value;

    public string Stage(string? stage) => Of("stage", stage);

    public string LeadType(string? leadType) => Of("lead_type", leadType);

    public string CompanySize(string? size) => Of("company_size", size);

    /// <summary>The label of closed_won, the last step of every funnel.</summary>
    public string Won => Stage("closed_won");

    /// <summary>"Discovery call → Opportunity": a used stage and the next used stage (or the won stage after the last).</summary>
    public string Step(string stage)
    {
        var index = Used.ToList().FindIndex(info => info.Stage == stage);
        if (index < 0)
            return Stage(stage);
        var next = index + 1 < Used.Count ? Used[index + 1].Label : Won;
        return $"{Used[index].Label} → {next}";
    }

    /// <summary>"All deals", "Region EMEA", "Lead type Referral": a segment of the marts in words.</summary>
    public string Segment(string segmentType, string segmentValue) => segmentType switch
    {
        "all" => "All deals",
        "region" => $"Region {Of("region", segmentValue)}",
        "product" => $"Product {Of("product", segmentValue)}",
        "company_size" => $"Company size {CompanySize(segmentValue)}",
        "lead_type" => $"Lead type {LeadType(segmentValue)}",
        _ => $"{segmentType} {segmentValue}",
    };
}

using Pipeline.Warehouse.Ingest.Csv;

namespace Pipeline.Warehouse.Ingest.Canonical;

/// <summary>The canonical dialect of INPUTS.md: the files the demo generator writes.</summary>
public static class CanonicalDialect
{
    public const string Name = "canonical";

    public static readonly IReadOnlyList<InputFileSpec> Files =
    [
        new("deals.csv", "deals", Required: true,
        [
            new("deal_id", true), new("deal_name", false), new("rep_id", true), new("account_name", false),
            new("region", true), new("product", true), new("company_size", false), new("lead_type", false),
            new("amount", false), new("currency", false), new("created_at", true),
            new("expected_close_date", false), new("stage", true), new("loss_reason", false),
            new("forecast_category", false),
        ]),
        new("stage_history.csv", "stage_history", Required: false,
        [
            new("deal_id", true), new("stage", true), new("entered_at", true), new("rep_id", false),
            new("amount", false), new("expected_close_date", false),
        ]),
        new("reps.csv", "reps", Required: true,
        [
            new("rep_id", true), new("rep_name", true), new("email", false), new("manager_id", false),
            new("team", true), new("region", true), new("active", false),
        ]),
        new("quotas.csv", "quotas", Required: false,
        [
            new("rep_id", true), new("period_start", true), new("period_end", true), new("quota", true),
        ]),
    ];
}

namespace Pipeline.Warehouse.Ingest.Config;

/// <summary>
/// How the Salesforce dialect reads what Salesforce has no single field for (README "Salesforce"):
/// where a rep's team comes from, which Opportunity field names the product (else the largest line
/// item's product), and which field holds the loss reason.
/// </summary>
public sealed record SalesforceOptions
{
    /// <summary>"Department" (User.Department, the default) or "Role" (the name of the user's UserRole).</summary>
    public string TeamFrom { get; init; } = "Department";

    /// <summary>An Opportunity column naming the product (e.g. "Product__c"); null: the largest line item's Product2 family, else its name.</summary>
    public string? ProductField { get; init; }

    /// <summary>The Opportunity column with the loss reason (a custom field in most orgs).</summary>
    public string LossReasonField { get; init; } = "Loss_Reason__c";

    public bool TeamFromRole => string.Equals(TeamFrom, "Role", StringComparison.OrdinalIgnoreCase);

    internal void Validate(string path)
    {
        if (!string.Equals(TeamFrom, "Department", StringComparison.OrdinalIgnoreCase) && !TeamFromRole)
            throw new InputException($"Config file {path}: salesforce.teamFrom is \"{TeamFrom}\"; use \"Department\" (User.Department) or \"Role\" (the name of the user's UserRole).");
        if (ProductField is { } product && string.IsNullOrWhiteSpace(product))
            throw new InputException($"Config file {path}: salesforce.productField is empty; name an Opportunity column, or leave the key out to use the line items.");
        if (string.IsNullOrWhiteSpace(LossReasonField))
            throw new InputException($"Config file {path}: salesforce.lossReasonField is empty; name the Opportunity column with the loss reason.");
    }
}

namespace Pipeline.Warehouse.Demo;

/// <summary>
/// The CRM export format the demo is written in. Every dialect writes the same pipeline: the same
/// seed gives the same deals, stage history and roster, only the files and columns differ.
/// </summary>
public enum DemoDialect
{
    /// <summary>This project's own format (INPUTS.md): deals.csv, stage_history.csv, reps.csv, quotas.csv.</summary>
    Canonical,

    /// <summary>
    /// A Salesforce export: Opportunity.csv, OpportunityHistory.csv, OpportunityLineItem.csv, Account.csv,
    /// Product2.csv, User.csv, and the canonical quotas.csv.
    /// </summary>
    Salesforce,

    /// <summary>
    /// A HubSpot export: hubspot-crm-exports-all-deals.csv (stage history as "Date entered/exited" columns),
    /// hubspot-crm-exports-all-companies.csv, hubspot-owners.csv, and the canonical quotas.csv.
    /// </summary>
    HubSpot,
}

/// <summary>The names of <see cref="DemoDialect"/> as a command line takes them.</summary>
public static class DemoDialects
{
    /// <summary>The accepted names, in <see cref="DemoDialect"/> order: canonical, salesforce, hubspot.</summary>
    public static readonly IReadOnlyList<string> Names = ["canonical", "salesforce", "hubspot"];

    /// <summary>The dialect of a name in <see cref="Names"/>, ignoring case and surrounding spaces.</summary>
    public static bool TryParse(string? name, out DemoDialect dialect)
    {
        string text = name?.Trim() ?? "";
        for (int i = 0; i < Names.Count; i++)
        {
            if (string.Equals(text, Names[i], StringComparison.OrdinalIgnoreCase))
            {
                dialect = (DemoDialect)i;
                return true;
            }
        }

        dialect = DemoDialect.Canonical;
        return false;
    }
}

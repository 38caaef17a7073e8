using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest.Config;
using Pipeline.Warehouse.Ingest.Csv;

namespace Pipeline.Warehouse.Ingest.Dialects;

/// <summary>
/// After the raw load: gives every missing file of the dialect an empty raw table, runs the
/// dialect's translation SQL into the canonical raw tables (raw_deals, raw_stage_history,
/// raw_reps, raw_quotas, raw_deals_malformed), and gives them the columns the checks read that
/// only some dialects fill (NULL otherwise): <c>deleted</c>, a deal row's history problem, a mapping's
/// created_at fallback and look-up problems.
/// </summary>
public static class DialectTranslation
{
    /// <summary>What the dialects write where the export has nothing (README "Salesforce").</summary>
    public const string UnassignedRep = "(unassigned)";
    public const string UnassignedTeam = "Unassigned";
    public const string Unknown = "Unknown";

    public static void Run(DuckDBConnection connection, Dialect dialect, IReadOnlyList<InputFile> files, WarehouseConfig config, string sqlRoot)
    {
        foreach (var spec in dialect.Files.Where(s => files.All(f => f.Spec != s)))
            RawLoader.CreateEmpty(connection, spec);
        if (dialect.Mapping is { } mapping)
            Mapping.MappingTranslation.Run(connection, mapping, files);
        else if (dialect.Name == HubSpotDialect.Name)
            HubSpotTranslation.Run(connection, files, config);
        else if (dialect.Translation is { } translation)
        {
            if (dialect.Name == SalesforceDialect.Name)
                WriteSalesforceOptions(connection, files, config);
            var path = Path.Combine(sqlRoot, translation);
            if (!File.Exists(path))
                throw new FileNotFoundException($"The {dialect.Name} translation {path} is missing: the sql folder is copied beside the program on build.", path);
            Sql.Execute(connection, File.ReadAllText(path));
        }
        foreach (var table in new[] { "raw_deals", "raw_stage_history" })
            Sql.Execute(connection, $"alter table {table} add column if not exists deleted varchar");
        // Reps a dialect makes up (the unassigned rep, or one per owner when there is no user export)
        // are not rows of any file, so the file's accounting leaves them out.
        Sql.Execute(connection, "alter table raw_reps add column if not exists synthesized varchar");
        // The optional forecast category (a translation that has no such column leaves it NULL).
        Sql.Execute(connection, "alter table raw_deals add column if not exists forecast_category varchar");
        // A problem in a deal row's own stage-history columns (HubSpot's wide "Date entered" columns).
        foreach (var column in new[] { "history_column", "history_value", "history_problem" })
            Sql.Execute(connection, $"alter table raw_deals add column if not exists {column} varchar");
        // A mapping's created_at fallback: the column it came from, or the night the deal was first seen.
        foreach (var column in new[] { "created_at_column", "created_at_first_seen" })
            Sql.Execute(connection, $"alter table raw_deals add column if not exists {column} varchar");
        // A value a mapping's look-up found no match for: the column, the value and the reason.
        foreach (var table in new[] { "raw_deals", "raw_stage_history", "raw_reps", "raw_quotas" })
            foreach (var column in new[] { "lookup_column", "lookup_value", "lookup_reason" })
                Sql.Execute(connection, $"alter table {table} add column if not exists {column} varchar");
    }

    private static void WriteSalesforceOptions(DuckDBConnection connection, IReadOnlyList<InputFile> files, WarehouseConfig config)
    {
        var opportunity = files.Single(f => f.Spec.Table == "sf_opportunity");
        // The product column exists only when the config names one; the translation reads it either way.
        Sql.Execute(connection, "alter table raw_sf_opportunity add column if not exists product_field varchar");
        Sql.Execute(connection, """
            create or replace temp table sf_options (has_owner boolean, has_users boolean, team_from_role boolean,
                has_product_field boolean, unassigned_rep varchar, unassigned_team varchar, unknown_region varchar, unknown_product varchar)
            """);
        using var appender = connection.CreateAppender("sf_options");
        appender.CreateRow()
            .AppendValue(opportunity.Has("OwnerId"))
            .AppendValue(files.Any(f => f.Spec.Table == "sf_user"))
            .AppendValue(config.Salesforce.TeamFromRole)
            .AppendValue(config.Salesforce.ProductField is not null)
            .AppendValue(UnassignedRep)
            .AppendValue(UnassignedTeam)
            .AppendValue(Unknown)
            .AppendValue(Unknown)
            .EndRow();
    }
}

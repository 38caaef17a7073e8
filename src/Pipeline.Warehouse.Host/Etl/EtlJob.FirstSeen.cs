using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Etl;

public sealed partial class EtlJob
{
    /// <summary>
    /// The temp table <c>previous_estimated_created_at</c> the deal checks read: the creation dates the
    /// previous warehouse estimated (a mapping's createdAtFallback), so that a deal first seen on an
    /// earlier night keeps that night (README "Mapping file"). Empty until the previous warehouse is read.
    /// </summary>
    private static void CreatePreviousEstimates(DuckDBConnection connection) =>
        Sql.Execute(connection, "create or replace temp table previous_estimated_created_at (deal_id varchar primary key, created_at timestamp not null)");

    /// <summary>Copies the estimated creation dates of the attached previous warehouse (none from one built before they were flagged).</summary>
    private static void CarryOverEstimates(DuckDBConnection connection)
    {
        var flagged = Sql.Scalar(connection, """
            select count(*) from duckdb_columns()
            where database_name = 'previous' and schema_name = 'core' and table_name = 'fact_deal' and column_name = 'created_at_is_estimated'
            """);
        if (flagged > 0)
            Sql.Execute(connection, "insert into previous_estimated_created_at select deal_id, created_at from previous.core.fact_deal where created_at_is_estimated");
    }
}

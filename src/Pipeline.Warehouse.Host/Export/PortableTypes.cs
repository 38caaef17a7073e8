namespace Pipeline.Warehouse.Host.Export;

/// <summary>
/// The type each warehouse column is written as, so that Spark, Trino and DuckDB read the Parquet
/// files without conversion. Most DuckDB types are written as they are (BOOLEAN, the signed
/// integers, FLOAT, DOUBLE, DECIMAL(p,s) as INT32/INT64/FIXED_LEN_BYTE_ARRAY decimals, VARCHAR as
/// STRING, DATE, TIMESTAMP as INT64 microseconds not adjusted to UTC, BLOB); the others are cast
/// to the nearest type those engines share. The manifest names both the warehouse type and the
/// written one.
/// </summary>
public static class PortableTypes
{
    /// <summary>
    /// The DuckDB type a column of <paramref name="duckDbType"/> (as duckdb_columns() spells it) is
    /// written as, or null when it is written as it is.
    /// </summary>
    public static string? CastFor(string duckDbType) => duckDbType switch
    {
        // DuckDB writes HUGEINT as DOUBLE (lossy above 2^53): a 64-bit integer every engine has.
        // A value outside BIGINT's range fails the export rather than being rounded.
        "HUGEINT" or "UHUGEINT" => "BIGINT",
        // Unsigned integers: Spark reads UINT_64 only as DECIMAL(20,0), Trino not at all; widen instead.
        "UTINYINT" => "SMALLINT",
        "USMALLINT" => "INTEGER",
        "UINTEGER" => "BIGINT",
        "UBIGINT" => "DECIMAL(20,0)",
        // Seconds, milliseconds and nanoseconds: microseconds, the unit Spark and Trino both read.
        "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" => "TIMESTAMP",
        // A point in time: its UTC wall clock as a plain TIMESTAMP (see Expression), like every
        // other timestamp of the warehouse, so no reader shifts it into its own time zone.
        "TIMESTAMP WITH TIME ZONE" => "TIMESTAMP",
        // No type Spark and Trino share: DuckDB's text form.
        "UUID" or "INTERVAL" or "TIME" or "TIME WITH TIME ZONE" or "TIME_NS" or "BIT" or "BIGNUM" or "VARINT" => "VARCHAR",
        _ when duckDbType.StartsWith("ENUM(", StringComparison.Ordinal) => "VARCHAR",
        _ when duckDbType.StartsWith("UNION(", StringComparison.Ordinal) => "VARCHAR",
        // LIST, ARRAY, STRUCT and MAP are written as Parquet's nested types (LIST, group, MAP),
        // which Spark and Trino read as arrays, rows/structs and maps.
        _ => null,
    };

    /// <summary>The select expression that writes the column <paramref name="quotedName"/> of <paramref name="duckDbType"/>.</summary>
    public static string Expression(string quotedName, string duckDbType) => CastFor(duckDbType) switch
    {
        null => quotedName,
        _ when duckDbType == "TIMESTAMP WITH TIME ZONE" => $"timezone('UTC', {quotedName}) as {quotedName}",
        var type => $"cast({quotedName} as {type}) as {quotedName}",
    };

    /// <summary>True for the types a table can be partitioned by month on.</summary>
    public static bool IsDateOrTimestamp(string duckDbType) =>
        duckDbType is "DATE" or "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS";
}

using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest.Config;

namespace Pipeline.Warehouse.Ingest;

/// <summary>
/// What the SQL models read besides the raw tables: the run's parameters (<c>run_params</c>, one
/// row) and the config's maps (<c>cfg_stage_map</c>, <c>cfg_lead_type_map</c>, <c>cfg_exchange_rate</c>, <c>cfg_stage_probability</c>),
/// all temp tables filled through the appender, never spliced into SQL. The config's timestamp
/// formats (after the dialect's own) become the macro <c>custom_timestamp</c>, since DuckDB's strptime
/// wants constant formats. <c>cfg_country_region</c> maps a country to a region for the CRM dialects.
/// </summary>
public sealed record RunParameters(int LoadId, DateOnly AsOf, WarehouseConfig Config, Dialects.Dialect Dialect)
{
    /// <summary>The as-of instant T: the start of the day after the as-of date (METRICS.md section 1).</summary>
    public DateTime AsOfInstant => AsOf.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public void Write(DuckDBConnection connection)
    {
        Sql.Execute(connection, """
            create or replace temp table run_params (load_id integer, as_of date, as_of_instant timestamp, reporting_currency varchar, earliest_timestamp timestamp, latest_timestamp timestamp);
            create or replace temp table cfg_stage_map (label_key varchar primary key, stage varchar not null);
            create or replace temp table cfg_lead_type_map (label_key varchar primary key, lead_type varchar not null);
            create or replace temp table cfg_exchange_rate (currency varchar primary key, rate decimal(18, 8) not null);
            create or replace temp table cfg_country_region (label_key varchar primary key, region varchar not null);
            create or replace temp table cfg_stage_probability (stage varchar primary key, probability double not null);
            """);
        using (var appender = connection.CreateAppender("run_params"))
            appender.CreateRow().AppendValue(LoadId).AppendValue(AsOf).AppendValue(AsOfInstant)
                .AppendValue(Config.ReportingCurrency.Trim().ToUpperInvariant())
                .AppendValue(Config.EarliestDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))
                .AppendValue(Config.LatestDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).EndRow();
        Fill(connection, "cfg_stage_map", Config.EffectiveStageMap(Dialect.StageDefaults));
        Fill(connection, "cfg_lead_type_map", Config.EffectiveLeadTypeMap(Dialect.LeadTypeDefaults));
        Fill(connection, "cfg_country_region", Config.EffectiveCountryRegionMap());
        using (var appender = connection.CreateAppender("cfg_stage_probability"))
            foreach (var (stage, probability) in Config.EffectiveStageProbabilities())
                appender.CreateRow().AppendValue(stage).AppendValue(probability).EndRow();
        using (var appender = connection.CreateAppender("cfg_exchange_rate"))
            foreach (var (currency, rate) in Config.ExchangeRates)
                appender.CreateRow().AppendValue(currency.Trim().ToUpperInvariant()).AppendValue(rate).EndRow();
        Sql.Execute(connection, CustomTimestampMacro([.. Dialect.TimestampFormats, .. Config.TimestampFormats]));
    }

    private static void Fill(DuckDBConnection connection, string table, IEnumerable<KeyValuePair<string, string>> map)
    {
        using var appender = connection.CreateAppender(table);
        foreach (var (key, value) in map)
            appender.CreateRow().AppendValue(key).AppendValue(value).EndRow();
    }

    /// <summary>The formats come from the dialect and the user's config file (not from export data); quotes are doubled.</summary>
    private static string CustomTimestampMacro(IReadOnlyList<string> formats) => formats.Count == 0
        ? "create or replace temp macro custom_timestamp(t) as cast(null as timestamp)"
        : $"create or replace temp macro custom_timestamp(t) as try_strptime(t, [{string.Join(", ", formats.Select(f => "'" + f.Replace("'", "''") + "'"))}])";
}

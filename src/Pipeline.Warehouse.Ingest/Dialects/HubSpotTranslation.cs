using System.Text;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest.Config;
using Pipeline.Warehouse.Ingest.Csv;

namespace Pipeline.Warehouse.Ingest.Dialects;

/// <summary>
/// HubSpot -> the canonical raw tables. The deals export feeds raw_deals row for row (so messages
/// name its lines and headers). The stage history comes from the property-history file when there
/// is one, else from the wide <c>Date entered "&lt;Stage&gt; (&lt;Pipeline&gt;)"</c> columns: one
/// entry per filled column. A filled column that is not a date, or whose stage no map knows, is a
/// problem of the deal's row, named by that column's header. Header texts never enter the SQL: the
/// columns are known by position (raw column extra_N) and their headers sit in a temp table.
/// </summary>
public static partial class HubSpotTranslation
{
    [GeneratedRegex("""^Date entered "(?<label>.+) \((?<pipeline>.+)\)"$""", RegexOptions.IgnoreCase)]
    private static partial Regex DateEntered();

    /// <summary>A wide column: its 1-based position, header, and the canonical stage of its label (null: no map knows it).</summary>
    private sealed record WideColumn(int Position, string Header, string? Stage)
    {
        public string Raw => $"extra_{Position}";
    }

    public static void Run(DuckDBConnection connection, IReadOnlyList<InputFile> files, WarehouseConfig config)
    {
        var deals = files.Single(f => f.Spec.Table == "hs_deals");
        var pipelineMaps = config.HubSpot.PipelineStageMaps.ToDictionary(
            p => LabelKey.Of(p.Key), p => p.Value.ToDictionary(e => LabelKey.Of(e.Key), e => e.Value));
        var stageMap = config.EffectiveStageMap().ToDictionary(p => p.Key, p => p.Value);
        var wide = new List<WideColumn>();
        for (var i = 0; i < deals.Headers.Count; i++)
        {
            if (deals.Columns[i] is not null || DateEntered().Match(deals.Headers[i].Trim()) is not { Success: true } match)
                continue;
            var label = LabelKey.Of(match.Groups["label"].Value);
            var stage = pipelineMaps.TryGetValue(LabelKey.Of(match.Groups["pipeline"].Value), out var map) && map.TryGetValue(label, out var mapped)
                ? mapped
                : stageMap.GetValueOrDefault(label);
            wide.Add(new WideColumn(i + 1, deals.Headers[i].Trim(), stage));
        }
        var longForm = files.Any(f => f.Spec.Table == "hs_property_history");
        var checkedColumns = longForm ? [] : wide;

        WriteTables(connection, files, pipelineMaps, wide);
        Sql.Execute(connection, Companies + Owners + Deals(checkedColumns) + Malformed
            + (longForm ? LongHistory : WideHistory(wide)) + Reps);
    }

    private static void WriteTables(DuckDBConnection connection, IReadOnlyList<InputFile> files, Dictionary<string, Dictionary<string, string>> pipelineMaps, List<WideColumn> wide)
    {
        Sql.Execute(connection, """
            create or replace temp table hs_options (has_owners boolean, has_companies boolean, unassigned_rep varchar, unassigned_team varchar, unknown varchar);
            create or replace temp table hs_pipeline_stage_map (pipeline_key varchar, label_key varchar, stage varchar, primary key (pipeline_key, label_key));
            create or replace temp table hs_wide_columns (position integer primary key, header varchar, stage varchar);
            """);
        using (var appender = connection.CreateAppender("hs_options"))
            appender.CreateRow()
                .AppendValue(files.Any(f => f.Spec.Table == "hs_owners"))
                .AppendValue(files.Any(f => f.Spec.Table == "hs_companies"))
                .AppendValue(DialectTranslation.UnassignedRep).AppendValue(DialectTranslation.UnassignedTeam).AppendValue(DialectTranslation.Unknown)
                .EndRow();
        using (var appender = connection.CreateAppender("hs_pipeline_stage_map"))
            foreach (var (pipeline, map) in pipelineMaps)
                foreach (var (label, stage) in map)
                    appender.CreateRow().AppendValue(pipeline).AppendValue(label).AppendValue(stage).EndRow();
        using (var appender = connection.CreateAppender("hs_wide_columns"))
            foreach (var column in wide)
                appender.CreateRow().AppendValue(column.Position).AppendValue(column.Header).AppendValue(column.Stage).EndRow();
        // The translation reads these columns whether or not the export has them.
        Sql.Execute(connection, "alter table raw_hs_owners add column if not exists owner_id varchar");
    }

    private const string Companies = """
        create or replace temp table hs_company_rows as
        select clean(record_id) as id, clean(name) as name, clean(country) as country, clean(employees) as employees
        from raw_hs_companies
        where clean(record_id) is not null
        qualify row_number() over (partition by clean(record_id) order by rowid) = 1;

        """;

    // An owner by id, or by name ("First Last", as the deals export writes the owner).
    private const string Owners = """
        create or replace temp table hs_owner_keys as
        select owner_key, rep_id from (
            select lower(clean(owner_id)) as owner_key, coalesce(clean(owner_id), trim(concat_ws(' ', clean(first_name), clean(last_name)))) as rep_id, rowid as ordinal
            from raw_hs_owners where clean(owner_id) is not null
            union all
            select lower(trim(concat_ws(' ', clean(first_name), clean(last_name)))), coalesce(clean(owner_id), trim(concat_ws(' ', clean(first_name), clean(last_name)))), rowid + 1e15
            from raw_hs_owners
        )
        where owner_key <> ''
        qualify row_number() over (partition by owner_key order by ordinal) = 1;

        """;

    private static string Deals(List<WideColumn> columns)
    {
        // The first filled wide column with a problem: not a date, or a stage no map knows.
        var position = new StringBuilder("case");
        var value = new StringBuilder("case problem.position");
        foreach (var column in columns)
        {
            position.Append(column.Stage is null
                ? $" when clean(deals.{column.Raw}) is not null then {column.Position}"
                : $" when clean(deals.{column.Raw}) is not null and parse_timestamp(deals.{column.Raw}) is null then {column.Position}");
            value.Append($" when {column.Position} then deals.{column.Raw}");
        }
        var positionSql = columns.Count == 0 ? "cast(null as integer)" : position + " end";
        var valueSql = columns.Count == 0 ? "cast(null as varchar)" : value + " end";
        return $$"""
            create or replace temp table raw_deals as
            select
                deals.record_id as deal_id,
                deals.deal_name,
                case when clean(deals.deal_owner) is null then options.unassigned_rep
                     else coalesce(owners.rep_id, clean(deals.deal_owner)) end as rep_id,
                coalesce(deals.company_name, companies.name) as account_name,
                coalesce(regions.region, options.unknown) as region,
                coalesce(clean(deals.product), options.unknown) as product,
                companies.employees as company_size,
                deals.lead_source as lead_type,
                deals.amount,
                deals.currency,
                deals.create_date as created_at,
                deals.close_date as expected_close_date,
                coalesce(pipeline_stages.stage, deals.deal_stage) as stage,
                deals.loss_reason,
                deals.forecast_category,
                case when parse_flag(deals.is_deleted) then 'self' end as deleted,
                wide.header as history_column,
                {{valueSql}} as history_value,
                case when wide.position is null then null when wide.stage is null then 'stage' else 'date' end as history_problem
            from (select *, rowid as ordinal from raw_hs_deals) as deals
            cross join hs_options as options
            cross join lateral (select {{positionSql}} as position) as problem
            left join hs_wide_columns as wide on wide.position = problem.position
            left join hs_owner_keys as owners on owners.owner_key = lower(clean(deals.deal_owner))
            left join hs_company_rows as companies on companies.id = coalesce(
                trim(split_part(clean(deals.company_ids), ';', 1)),
                (select min(id) from hs_company_rows where lower(name) = lower(clean(deals.company_name))))
            left join cfg_country_region as regions on regions.label_key = label_key(companies.country)
            left join hs_pipeline_stage_map as pipeline_stages
                on pipeline_stages.pipeline_key = label_key(deals.pipeline) and pipeline_stages.label_key = label_key(deals.deal_stage)
            order by deals.ordinal;

            """;
    }

    private const string Malformed = """
        create or replace temp table raw_deals_malformed as
        select ordinal, record_id as deal_id from raw_hs_deals_malformed;

        """;

    // One entry per filled wide column whose stage a map knows (the others make the deal's row rejected).
    private static string WideHistory(List<WideColumn> columns)
    {
        var known = columns.Where(c => c.Stage is not null).ToList();
        if (known.Count == 0)
            return """
                create or replace temp table raw_stage_history (deal_id varchar, stage varchar, entered_at varchar, rep_id varchar,
                    amount varchar, expected_close_date varchar, deleted varchar);

                """;
        return $$"""
            create or replace temp table raw_stage_history as
            select entries.record_id as deal_id, wide.stage, entries.entered_at, cast(null as varchar) as rep_id,
                   cast(null as varchar) as amount, cast(null as varchar) as expected_close_date, cast(null as varchar) as deleted
            from (
                unpivot (select rowid as ordinal, record_id, {{string.Join(", ", known.Select(c => c.Raw))}} from raw_hs_deals)
                on {{string.Join(", ", known.Select(c => c.Raw))}} into name raw_column value entered_at
            ) as entries
            join hs_wide_columns as wide on 'extra_' || wide.position = entries.raw_column
            where clean(entries.entered_at) is not null
            order by entries.ordinal, wide.position;

            """;
    }

    // The property-history form: rows of other properties are counted and skipped (deleted = 'not_stage').
    private const string LongHistory = """
        create or replace temp table raw_stage_history as
        select
            history.deal_id,
            coalesce(pipeline_stages.stage, history.value) as stage,
            history.changed_at as entered_at,
            cast(null as varchar) as rep_id,
            cast(null as varchar) as amount,
            cast(null as varchar) as expected_close_date,
            case when lower(clean(history.property)) is distinct from 'dealstage' then 'not_stage' end as deleted
        from raw_hs_property_history as history
        left join (
            select clean(record_id) as deal_id, pipeline from raw_hs_deals
            qualify row_number() over (partition by clean(record_id) order by rowid) = 1
        ) as deals on deals.deal_id = clean(history.deal_id)
        left join hs_pipeline_stage_map as pipeline_stages
            on pipeline_stages.pipeline_key = label_key(deals.pipeline) and pipeline_stages.label_key = label_key(history.value)
        order by history.rowid;

        """;

    // Reps: the owners export; without one, a rep per distinct deal owner (named as the export names
    // them); and the unassigned rep when a deal has no owner.
    private const string Reps = """
        create or replace temp table raw_reps as
        select
            coalesce(clean(owners.owner_id), trim(concat_ws(' ', clean(owners.first_name), clean(owners.last_name)))) as rep_id,
            nullif(trim(concat_ws(' ', clean(owners.first_name), clean(owners.last_name))), '') as rep_name,
            owners.email,
            owners.manager_id,
            coalesce(clean(owners.team), options.unassigned_team) as team,
            coalesce(regions.region, options.unknown) as region,
            owners.active,
            cast(null as varchar) as deleted,
            cast(null as varchar) as synthesized
        from raw_hs_owners as owners
        cross join hs_options as options
        left join cfg_country_region as regions on regions.label_key = label_key(owners.country)
        order by owners.rowid;

        insert into raw_reps
        select owner, owner, null, null, options.unassigned_team, options.unknown, 'true', null, 'true'
        from (
            select clean(deals.deal_owner) as owner, min(deals.rowid) as first_seen
            from raw_hs_deals as deals cross join hs_options as options
            where not options.has_owners and clean(deals.deal_owner) is not null
            group by all
        ) as owners
        cross join hs_options as options
        order by first_seen;

        insert into raw_reps
        select options.unassigned_rep, 'Unassigned', null, null, options.unassigned_team, options.unknown, 'true', null, 'true'
        from hs_options as options
        where exists (select 1 from raw_hs_deals where clean(deal_owner) is null);
        """;
}

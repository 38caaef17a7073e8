using System.Text;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest.Csv;
using Pipeline.Warehouse.Ingest.Dialects;

namespace Pipeline.Warehouse.Ingest.Mapping;

/// <summary>
/// A mapping file's exports -> the canonical raw tables: each mapped file feeds its table row for
/// row (columns of its own, or taken from a look-up file by key, through the look-up's valueMaps; a
/// value with no match is a problem of the row, named by its column), value maps for region and
/// company size apply, an empty created_at falls back to other columns or to the night the deal is
/// first seen (createdAtFallback), stage dates become history entries (a date that does not parse,
/// or a stage no map knows, is a problem of the deal's row, named by that column), and reps are
/// made up from the deals when no reps file is mapped. Only generated identifiers enter the SQL;
/// header texts and values from the mapping sit in temp tables.
/// </summary>
public static class MappingTranslation
{
    public static void Run(DuckDBConnection connection, MappingFile mapping, IReadOnlyList<InputFile> files)
    {
        WriteTables(connection, mapping, files);
        var sql = new StringBuilder();
        foreach (var (lookup, n) in mapping.Lookups.Select((l, n) => (l, n)))
            sql.Append($"""
                create or replace temp table map_lookup_{n} as
                select * replace (clean(k) as k) from raw_lk_{n}
                where clean(k) is not null
                qualify row_number() over (partition by clean(k) order by rowid) = 1;

                """);
        var deals = mapping.File("deals")!;
        var dealsSpec = files.First(f => f.Spec.Table == MappingDialect.TablePrefix + "deals").Spec;
        var dealId = RawOf(dealsSpec, deals.Columns.First(c => c.Canonical == "deal_id").Header ?? "");
        var (problemSelect, problemJoin) = DealsExtras(deals, dealsSpec);
        sql.Append(Table(mapping, deals, files, "raw_deals", CreatedAtExtras(deals, dealsSpec) + problemSelect, problemJoin));
        sql.Append($"create or replace temp table raw_deals_malformed as select ordinal, {dealId} as deal_id from raw_map_deals_malformed;\n");
        if (mapping.File("stage_history") is { } history)
            sql.Append(Table(mapping, history, files, "raw_stage_history", ""));
        else
            sql.Append(StageDates(deals, dealsSpec, dealId));
        if (mapping.File("reps") is { } reps)
            sql.Append(Table(mapping, reps, files, "raw_reps", ", cast(null as varchar) as synthesized"));
        else
            sql.Append("""
                create or replace temp table raw_reps as
                select rep_id, rep_id as rep_name, cast(null as varchar) as email, cast(null as varchar) as manager_id,
                       options.unassigned_team as team, options.unknown as region, 'true' as active, 'true' as synthesized
                from (select clean(rep_id) as rep_id, min(rowid) as first_seen from raw_deals where clean(rep_id) is not null group by all) as owners
                cross join map_options as options
                order by first_seen;

                """);
        sql.Append("""
            insert into raw_reps (rep_id, rep_name, team, region, active, synthesized)
            select options.unassigned_rep, 'Unassigned', options.unassigned_team, options.unknown, 'true', 'true'
            from map_options as options
            where exists (select 1 from raw_deals where rep_id = options.unassigned_rep)
              and not exists (select 1 from raw_reps where rep_id = options.unassigned_rep);

            """);
        if (mapping.File("quotas") is { } quotas)
            sql.Append(Table(mapping, quotas, files, "raw_quotas", ""));
        Sql.Execute(connection, sql.ToString());
    }

    private static void WriteTables(DuckDBConnection connection, MappingFile mapping, IReadOnlyList<InputFile> files)
    {
        Sql.Execute(connection, """
            create or replace temp table map_options (unassigned_rep varchar, unassigned_team varchar, unknown varchar);
            create or replace temp table map_values (field varchar, label_key varchar, value varchar, primary key (field, label_key));
            create or replace temp table map_stage_dates (position integer primary key, header varchar, status_header varchar);
            create or replace temp table map_created_at_fallback (position integer primary key, header varchar);
            create or replace temp table map_lookup_values (lookup integer, value varchar, k varchar, primary key (lookup, value));
            create or replace temp table map_lookup_problems (target varchar, position integer, header varchar, reason varchar, mapped_reason varchar,
                primary key (target, position));
            """);
        using (var appender = connection.CreateAppender("map_options"))
            appender.CreateRow().AppendValue(DialectTranslation.UnassignedRep).AppendValue(DialectTranslation.UnassignedTeam).AppendValue(DialectTranslation.Unknown).EndRow();
        using (var appender = connection.CreateAppender("map_values"))
            foreach (var field in new[] { "region", "company_size" })
                foreach (var (label, value) in (mapping.Values.GetValueOrDefault(field) ?? []).DistinctBy(p => Config.LabelKey.Of(p.Key)))
                    appender.CreateRow().AppendValue(field).AppendValue(Config.LabelKey.Of(label)).AppendValue(value).EndRow();
        using (var appender = connection.CreateAppender("map_stage_dates"))
            foreach (var (date, i) in mapping.File("deals")!.StageDates.Select((d, i) => (d, i)))
                appender.CreateRow().AppendValue(i).AppendValue(date.Header).AppendValue(date.StageFrom).EndRow();
        using (var appender = connection.CreateAppender("map_created_at_fallback"))
            foreach (var (header, i) in (mapping.File("deals")!.CreatedAtFallback?.Columns ?? []).Select((h, i) => (h, i)))
                appender.CreateRow().AppendValue(i).AppendValue(header).EndRow();
        using (var appender = connection.CreateAppender("map_lookup_values"))
            foreach (var (lookup, n) in mapping.Lookups.Select((l, n) => (l, n)))
                foreach (var (value, key) in lookup.ValueMaps.DistinctBy(p => p.Key))
                    appender.CreateRow().AppendValue(n).AppendValue(value).AppendValue(key).EndRow();
        using (var appender = connection.CreateAppender("map_lookup_problems"))
            foreach (var file in mapping.Files)
                foreach (var (column, i) in LookupColumns(file).Select((c, i) => (c, i)))
                {
                    var lookup = mapping.Lookups.First(l => l.Name == column.Lookup!.From);
                    var (name, key) = LookupFileAndKey(mapping, lookup, files);
                    var valueMaps = $"\"lookups.{lookup.Name}.valueMaps\" in the mapping file {mapping.FileName}";
                    appender.CreateRow().AppendValue(file.Table).AppendValue(i).AppendValue(column.Lookup!.Match)
                        .AppendValue($"has no match in {name} column \"{key}\". Add it there, or map it to one of that column's values under {valueMaps}.")
                        .AppendValue($"is mapped to \"{{mapped}}\" by {valueMaps}, but {name} column \"{key}\" has no \"{{mapped}}\". Correct the map, or add the value there.")
                        .EndRow();
                }
    }

    /// <summary>A file's columns taken from look-ups, in the order of the canonical table's columns (a look-up problem's position).</summary>
    private static List<MappedColumn> LookupColumns(MappedFile file) =>
        [.. MappingFile.Tables[file.Table].Select(canonical => file.Columns.FirstOrDefault(c => c.Canonical == canonical)).OfType<MappedColumn>().Where(c => c.Lookup is not null)];

    /// <summary>A look-up file's name as found in the input folder, and its key column's header as written there.</summary>
    private static (string File, string Key) LookupFileAndKey(MappingFile mapping, LookupFile lookup, IReadOnlyList<InputFile> files)
    {
        var file = files.First(f => f.Spec.Table == $"lk_{mapping.Lookups.ToList().IndexOf(lookup)}");
        var key = file.Spec.Columns.First(c => c.RawName == "k");
        var index = file.Columns.ToList().IndexOf(key.Name);
        return (file.FileName, index >= 0 ? file.Headers[index].Trim() : lookup.Key);
    }

    /// <summary>The raw column of a file that holds a header (the first spec column that names it).</summary>
    private static string RawOf(InputFileSpec spec, string header) => spec.Columns.First(c => c.Matches(header)).RawName;

    private static string Table(MappingFile mapping, MappedFile file, IReadOnlyList<InputFile> files, string target, string extras, string extraJoins = "")
    {
        var spec = files.First(f => f.Spec.Table == MappingDialect.TablePrefix + file.Table).Spec;
        var joins = new StringBuilder();
        var select = new List<string>();
        var lookups = new List<(string Match, string Mapped, string Found)>();
        foreach (var canonical in MappingFile.Tables[file.Table])
        {
            var expression = Expression(mapping, file, spec, canonical, joins, lookups);
            if (mapping.DecimalComma && canonical is "amount" or "quota")
                expression = $"replace(replace({expression}, '.', ''), ',', '.')";
            if ((file.Table == "deals" && canonical is "region" or "company_size") || (file.Table == "reps" && canonical == "region"))
            {
                var alias = "values_" + canonical;
                joins.Append($"\nleft join map_values as {alias} on {alias}.field = '{canonical}' and {alias}.label_key = label_key({expression})");
                expression = $"coalesce({alias}.value, {expression})";
            }
            select.Add($"{expression} as {canonical}");
        }
        if (lookups.Count > 0)
        {
            // The first look-up (in column order) whose match value has no row in the look-up file.
            var misses = lookups.Select((l, i) => (When: $"{l.Match} is not null and {l.Found} is null", l, i)).ToList();
            joins.Append("\ncross join lateral (select "
                + $"case {string.Concat(misses.Select(m => $"when {m.When} then {m.i} "))}end as position, "
                + $"case {string.Concat(misses.Select(m => $"when {m.When} then {m.l.Match} "))}end as value, "
                + $"case {string.Concat(misses.Select(m => $"when {m.When} then {m.l.Mapped} "))}end as mapped) as lookup_problem"
                + $"\nleft join map_lookup_problems as lookup_problem_text on lookup_problem_text.target = '{file.Table}' and lookup_problem_text.position = lookup_problem.position");
            select.Add("lookup_problem_text.header as lookup_column");
            select.Add("lookup_problem.value as lookup_value");
            select.Add("case when lookup_problem.mapped is null then lookup_problem_text.reason else replace(lookup_problem_text.mapped_reason, '{mapped}', lookup_problem.mapped) end as lookup_reason");
        }
        return $"""
            create or replace temp table {target} as
            select {string.Join(",\n    ", select)}{extras}
            from (select *, rowid as ordinal from raw_{spec.Table}) as src
            cross join map_options as options{joins}{extraJoins}
            order by src.ordinal;

            """;
    }

    private static string Expression(MappingFile mapping, MappedFile file, InputFileSpec spec, string canonical, StringBuilder joins,
        List<(string Match, string Mapped, string Found)> lookups)
    {
        var column = file.Columns.FirstOrDefault(c => c.Canonical == canonical);
        if (file.Table == "deals" && canonical == "created_at" && file.CreatedAtFallback is not null)
            return CreatedAtSources(file, spec) is { Count: > 0 } sources ? $"coalesce({string.Join(", ", sources)})" : "cast(null as varchar)";
        if (column?.Header is { } header)
            return $"src.{RawOf(spec, header)}";
        if (column?.Lookup is { } lookup)
        {
            var n = mapping.Lookups.ToList().FindIndex(l => l.Name == lookup.From);
            var alias = $"lookup_{canonical}";
            var match = $"clean(src.{RawOf(spec, lookup.Match)})";
            // A value the look-up's valueMaps maps is looked up as the key it maps to.
            joins.Append($"\nleft join map_lookup_values as {alias}_map on {alias}_map.lookup = {n} and {alias}_map.value = {match}");
            joins.Append($"\nleft join map_lookup_{n} as {alias} on {alias}.k = coalesce({alias}_map.k, {match})");
            lookups.Add((match, $"{alias}_map.k", $"{alias}.k"));
            return $"{alias}.{MappingDialect.TakenColumn(mapping, lookup)}";
        }
        return (file.Table, canonical) switch
        {
            ("deals", "rep_id") => "options.unassigned_rep",
            ("deals", "region" or "product") => "options.unknown",
            ("reps", "team") => "options.unassigned_team",
            ("reps", "region") => "options.unknown",
            _ => "cast(null as varchar)",
        };
    }

    /// <summary>Where created_at is looked for, in order: the mapped created_at column, then the fallback columns.</summary>
    private static List<string> CreatedAtSources(MappedFile deals, InputFileSpec spec) =>
    [
        .. deals.Columns.Where(c => c.Canonical == "created_at" && c.Header is not null).Select(c => $"clean(src.{RawOf(spec, c.Header!)})"),
        .. (deals.CreatedAtFallback?.Columns ?? []).Select(header => $"clean(src.{RawOf(spec, header)})"),
    ];

    /// <summary>
    /// created_at_column: the fallback column created_at came from (also the first fallback column
    /// when no column has a date and created_at is not mapped, so a rejection names it);
    /// created_at_first_seen: 'true' when no column has a date and the mapping falls back to the night first seen.
    /// </summary>
    private static string CreatedAtExtras(MappedFile deals, InputFileSpec spec)
    {
        if (deals.CreatedAtFallback is not { } fallback)
            return "";
        var sources = CreatedAtSources(deals, spec);
        var own = deals.Columns.Any(c => c.Canonical == "created_at" && c.Header is not null);
        var column = new StringBuilder("case");
        if (own)
            column.Append($" when {sources[0]} is not null then null");
        for (var i = 0; i < fallback.Columns.Count; i++)
            column.Append($" when {sources[(own ? 1 : 0) + i]} is not null then (select header from map_created_at_fallback where position = {i})");
        if (!own && !fallback.FirstSeen && fallback.Columns.Count > 0)
            column.Append(" else (select header from map_created_at_fallback where position = 0)");
        column.Append(" end");
        var firstSeen = !fallback.FirstSeen ? "cast(null as varchar)"
            : sources.Count == 0 ? "'true'"
            : $"case when coalesce({string.Join(", ", sources)}) is null then 'true' end";
        return $",\n    {(sources.Count == 0 ? "cast(null as varchar)" : column.ToString())} as created_at_column,\n    {firstSeen} as created_at_first_seen";
    }

    /// <summary>The deal row's first stage-date problem: a filled date that does not parse, or a stage that no map knows.</summary>
    private static (string Select, string Join) DealsExtras(MappedFile deals, InputFileSpec spec)
    {
        if (deals.StageDates.Count == 0)
            return ("", "");
        var position = new StringBuilder("case");
        var kind = new StringBuilder("case");
        var value = new StringBuilder("case problem.position");
        foreach (var (date, i) in deals.StageDates.Select((d, i) => (d, i)))
        {
            var d = $"src.{RawOf(spec, date.Header)}";
            var status = date.StageFrom is null ? null : $"src.{RawOf(spec, date.StageFrom)}";
            var bad = $"clean({d}) is not null and parse_timestamp({d}) is null";
            position.Append($" when {bad} then {i}");
            kind.Append($" when {bad} then 'date'");
            if (date.StageFrom is not null)
            {
                var unknown = $"clean({d}) is not null and (clean({status}) is null or not exists (select 1 from cfg_stage_map where label_key = label_key({status})))";
                position.Append($" when {unknown} then {i}");
                kind.Append($" when {unknown} then 'stage_label'");
                value.Append($" when {i} then case problem.kind when 'date' then {d} else {status} end");
            }
            else
                value.Append($" when {i} then {d}");
        }
        var select = ",\n    case problem.kind when 'date' then dates.header when 'stage_label' then dates.status_header end as history_column"
            + $",\n    {value} end as history_value"
            + ",\n    problem.kind as history_problem";
        var join = $"\ncross join lateral (select {position} end as position, {kind} end as kind) as problem"
            + "\nleft join map_stage_dates as dates on dates.position = problem.position";
        return (select, join);
    }

    private static string StageDates(MappedFile deals, InputFileSpec spec, string dealId)
    {
        if (deals.StageDates.Count == 0)
            return """
                create or replace temp table raw_stage_history (deal_id varchar, stage varchar, entered_at varchar, rep_id varchar,
                    amount varchar, expected_close_date varchar);

                """;
        var entries = deals.StageDates.Select((date, i) =>
            $"select src.{dealId} as deal_id, {(date.StageFrom is { } status ? $"src.{RawOf(spec, status)}" : $"'{date.Stage}'")} as stage, src.{RawOf(spec, date.Header)} as entered_at, src.rowid as ordinal, {i} as position from raw_map_deals as src where clean(src.{RawOf(spec, date.Header)}) is not null");
        return $"""
            create or replace temp table raw_stage_history as
            select deal_id, stage, entered_at, cast(null as varchar) as rep_id, cast(null as varchar) as amount, cast(null as varchar) as expected_close_date
            from ({string.Join("\nunion all\n", entries)})
            order by ordinal, position;

            """;
    }
}

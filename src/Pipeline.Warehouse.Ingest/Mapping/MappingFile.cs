using System.Text.Json;
using Pipeline.Warehouse.Ingest.Config;

namespace Pipeline.Warehouse.Ingest.Mapping;

/// <summary>A canonical column taken from another file: the row of look-up <see cref="From"/> whose key equals this file's column <see cref="Match"/>; its column <see cref="Take"/>.</summary>
public sealed record LookupColumn(string From, string Match, string Take);

/// <summary>A canonical column of a mapped file: a column of the file itself (<see cref="Header"/>) or a look-up.</summary>
public sealed record MappedColumn(string Canonical, string? Header, LookupColumn? Lookup);

/// <summary>A date column that is the day a deal entered a stage: a fixed canonical stage, or the stage named by another column of the row.</summary>
public sealed record StageDate(string Header, string? Stage, string? StageFrom);

/// <summary>
/// Where a deal's creation date comes from when its created_at is empty (or not mapped): the first
/// filled one of <see cref="Columns"/>, else, with <see cref="FirstSeen"/>, the night the deal was
/// first seen. Either way the date is an estimate, and flagged so.
/// </summary>
public sealed record CreatedAtFallback(IReadOnlyList<string> Columns, bool FirstSeen);

/// <summary>One canonical table's file in a mapping: its file name and where each canonical column comes from.</summary>
public sealed record MappedFile(string Table, string File, IReadOnlyList<MappedColumn> Columns, IReadOnlyList<StageDate> StageDates)
{
    /// <summary>The deals' created_at fallback (files.deals.createdAtFallback), or null.</summary>
    public CreatedAtFallback? CreatedAtFallback { get; init; }
}

/// <summary>
/// A file other files take columns from by key. <see cref="ValueMaps"/>: values other files write
/// otherwise -> this file's key (the text as written, trimmed).
/// </summary>
public sealed record LookupFile(string Name, string File, string Key)
{
    public IReadOnlyList<KeyValuePair<string, string>> ValueMaps { get; init; } = [];
}

/// <summary>
/// A mapping file (README "Mapping file"): how another CRM's exports become the canonical tables,
/// with no code. JSON; every mistake names the key and its line.
/// </summary>
public sealed class MappingFile
{
    /// <summary>The canonical tables a mapping can feed, with their columns in order.</summary>
    internal static readonly Dictionary<string, string[]> Tables = new(StringComparer.Ordinal)
    {
        ["deals"] = ["deal_id", "deal_name", "rep_id", "account_name", "region", "product", "company_size", "lead_type", "amount", "currency", "created_at", "expected_close_date", "stage", "loss_reason", "forecast_category"],
        ["stage_history"] = ["deal_id", "stage", "entered_at", "rep_id", "amount", "expected_close_date"],
        ["reps"] = ["rep_id", "rep_name", "email", "manager_id", "team", "region", "active"],
        ["quotas"] = ["rep_id", "period_start", "period_end", "quota"],
    };

    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["deals"] = ["deal_id", "stage", "created_at"],
        ["stage_history"] = ["deal_id", "stage", "entered_at"],
        ["reps"] = ["rep_id", "rep_name"],
        ["quotas"] = ["rep_id", "period_start", "period_end", "quota"],
    };

    private static readonly string[] ValueFields = ["stage", "lead_type", "region", "company_size"];

    private readonly string _path;
    private readonly Dictionary<string, int> _lines;

    private MappingFile(string path, Dictionary<string, int> lines)
    {
        _path = path;
        _lines = lines;
    }

    /// <summary>The mapping file's name, as messages about the rows name it.</summary>
    public string FileName => System.IO.Path.GetFileName(_path);

    /// <summary>The dialect name the run records (meta.load_file.dialect).</summary>
    public string Name { get; private set; } = "mapping";

    public IReadOnlyList<string> TimestampFormats { get; private set; } = [];

    /// <summary>Amounts written 1.234,50: the dot groups thousands, the comma marks the cents.</summary>
    public bool DecimalComma { get; private set; }

    public IReadOnlyList<MappedFile> Files { get; private set; } = [];

    public IReadOnlyList<LookupFile> Lookups { get; private set; } = [];

    /// <summary>Field (stage, lead_type, region, company_size) -> (label, value).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, string>>> Values { get; private set; } =
        new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>();

    public MappedFile? File(string table) => Files.FirstOrDefault(f => f.Table == table);

    public static MappingFile Load(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new InputException($"Mapping file {path} does not exist. Pass an existing JSON file to --mapping (README \"Mapping file\").");
        var bytes = System.IO.File.ReadAllBytes(path);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            bytes = bytes[3..];
        JsonDocument document;
        Dictionary<string, int> lines;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            lines = JsonLines.Of(bytes);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $", line {line + 1}" : "";
            throw new InputException($"Mapping file {path}{where}: not valid JSON ({e.Message}). See README \"Mapping file\".");
        }
        using (document)
        {
            var mapping = new MappingFile(Path.GetFullPath(path), lines);
            mapping.Read(document.RootElement);
            return mapping;
        }
    }

    private void Read(JsonElement root)
    {
        Object(root, "", ["dialect", "timestampFormats", "decimalComma", "files", "lookups", "values"]);
        if (root.TryGetProperty("dialect", out var name))
            Name = Text(name, "dialect");
        if (root.TryGetProperty("timestampFormats", out var formats))
        {
            if (formats.ValueKind != JsonValueKind.Array)
                throw Fail("timestampFormats", "is not a list; write [\"%d.%m.%Y %H:%M\", ...] (DuckDB strptime formats)");
            TimestampFormats = [.. formats.EnumerateArray().Select(f => Text(f, "timestampFormats"))];
        }
        if (root.TryGetProperty("decimalComma", out var comma))
            DecimalComma = comma.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Fail("decimalComma", "is not true or false"),
            };
        Lookups = root.TryGetProperty("lookups", out var lookups) ? ReadLookups(lookups) : [];
        if (!root.TryGetProperty("files", out var files))
            throw Fail("", "has no \"files\"; map at least the deals file: \"files\": { \"deals\": { \"file\": ..., \"columns\": { ... } } }");
        Object(files, "files", [.. Tables.Keys]);
        if (!files.TryGetProperty("deals", out _))
            throw Fail("files", "maps no deals file; add \"deals\": { \"file\": ..., \"columns\": { ... } }");
        Files = [.. files.EnumerateObject().Select(file => ReadFile(file.Name, file.Value))];
        Values = root.TryGetProperty("values", out var values) ? ReadValues(values) : new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>();
    }

    private List<LookupFile> ReadLookups(JsonElement lookups)
    {
        Object(lookups, "lookups", null);
        var result = new List<LookupFile>();
        foreach (var lookup in lookups.EnumerateObject())
        {
            var key = $"lookups.{lookup.Name}";
            Object(lookup.Value, key, ["file", "key", "valueMaps"]);
            var valueMaps = new List<KeyValuePair<string, string>>();
            if (lookup.Value.TryGetProperty("valueMaps", out var maps))
            {
                Object(maps, $"{key}.valueMaps", null);
                foreach (var map in maps.EnumerateObject())
                {
                    var mapKey = $"{key}.valueMaps.{map.Name}";
                    if (map.Name.Trim().Length == 0)
                        throw Fail(mapKey, "maps an empty value; write the value as the other files write it");
                    valueMaps.Add(KeyValuePair.Create(map.Name.Trim(), Text(map.Value, mapKey)));
                }
            }
            result.Add(new LookupFile(lookup.Name, Property(lookup.Value, key, "file"), Property(lookup.Value, key, "key")) { ValueMaps = valueMaps });
        }
        return result;
    }

    private MappedFile ReadFile(string table, JsonElement file)
    {
        var key = $"files.{table}";
        Object(file, key, table == "deals" ? ["file", "columns", "stageDates", "createdAtFallback"] : ["file", "columns"]);
        var name = Property(file, key, "file");
        if (!file.TryGetProperty("columns", out var columns))
            throw Fail(key, $"has no \"columns\"; say which column of {name} is each of: {string.Join(", ", Tables[table])}");
        Object(columns, $"{key}.columns", null);
        var mapped = new List<MappedColumn>();
        foreach (var column in columns.EnumerateObject())
        {
            var columnKey = $"{key}.columns.{column.Name}";
            if (!Tables[table].Contains(column.Name))
                throw Fail(columnKey, $"\"{column.Name}\" is not a column of the canonical {table}; use one of: {string.Join(", ", Tables[table])}");
            if (column.Value.ValueKind == JsonValueKind.String)
                mapped.Add(new MappedColumn(column.Name, Text(column.Value, columnKey), null));
            else
            {
                Object(column.Value, columnKey, ["from", "match", "take"]);
                var from = Property(column.Value, columnKey, "from");
                if (Lookups.All(l => l.Name != from))
                    throw Fail($"{columnKey}.from", $"names the look-up \"{from}\", which \"lookups\" does not define{(Lookups.Count > 0 ? $" (it has: {string.Join(", ", Lookups.Select(l => l.Name))})" : "")}");
                mapped.Add(new MappedColumn(column.Name, null, new LookupColumn(from, Property(column.Value, columnKey, "match"), Property(column.Value, columnKey, "take"))));
            }
        }
        var fallback = file.TryGetProperty("createdAtFallback", out var fallbackElement) ? ReadCreatedAtFallback(fallbackElement, $"{key}.createdAtFallback") : null;
        if (fallback is not null && mapped.Any(m => m.Canonical == "created_at" && m.Lookup is not null))
            throw Fail($"{key}.createdAtFallback", "is given, but created_at is taken from a look-up; map created_at to a column of the deals file, or leave it out");
        foreach (var required in Required[table].Where(r => mapped.All(m => m.Canonical != r) && !(r == "created_at" && fallback is not null)))
            throw Fail($"{key}.columns", $"does not map \"{required}\", which every {table} row needs"
                + (required == "created_at" ? "; map it, or say where a deal's creation date comes from under \"createdAtFallback\": { \"columns\": [\"<date column>\", ...], \"firstSeen\": true }" : ""));
        var dates = new List<StageDate>();
        if (file.TryGetProperty("stageDates", out var stageDates))
        {
            Object(stageDates, $"{key}.stageDates", null);
            foreach (var date in stageDates.EnumerateObject())
            {
                var dateKey = $"{key}.stageDates.{date.Name}";
                if (date.Value.ValueKind == JsonValueKind.String)
                {
                    var stage = Text(date.Value, dateKey);
                    if (!CanonicalNames.Stages.Contains(stage))
                        throw Fail(dateKey, $"\"{stage}\" is not a canonical stage; use one of: {string.Join(", ", CanonicalNames.Stages)}, or {{ \"stageFrom\": \"<column>\" }} for the stage a column names");
                    dates.Add(new StageDate(date.Name, stage, null));
                }
                else
                {
                    Object(date.Value, dateKey, ["stageFrom"]);
                    dates.Add(new StageDate(date.Name, null, Property(date.Value, dateKey, "stageFrom")));
                }
            }
        }
        return new MappedFile(table, name, mapped, dates) { CreatedAtFallback = fallback };
    }

    /// <summary>files.deals.createdAtFallback: { "columns": [ headers, tried in order ], "firstSeen": true|false }.</summary>
    private CreatedAtFallback ReadCreatedAtFallback(JsonElement fallback, string key)
    {
        Object(fallback, key, ["columns", "firstSeen"]);
        List<string> columns = [];
        if (fallback.TryGetProperty("columns", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
                throw Fail($"{key}.columns", "is not a list; write [\"<date column>\", ...], the columns tried in order");
            columns = [.. list.EnumerateArray().Select(c => Text(c, $"{key}.columns"))];
        }
        var firstSeen = !fallback.TryGetProperty("firstSeen", out var seen) ? false : seen.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail($"{key}.firstSeen", "is not true or false"),
        };
        if (columns.Count == 0 && !firstSeen)
            throw Fail(key, "gives neither \"columns\" nor \"firstSeen\": true; say where a deal's creation date comes from when created_at is empty");
        return new CreatedAtFallback(columns, firstSeen);
    }

    private Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>> ReadValues(JsonElement values)
    {
        Object(values, "values", ValueFields);
        var result = new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>(StringComparer.Ordinal);
        foreach (var field in values.EnumerateObject())
        {
            Object(field.Value, $"values.{field.Name}", null);
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var pair in field.Value.EnumerateObject())
            {
                var key = $"values.{field.Name}.{pair.Name}";
                var value = Text(pair.Value, key);
                string[]? allowed = field.Name switch
                {
                    "stage" => [.. CanonicalNames.Stages],
                    "lead_type" => [.. CanonicalNames.LeadTypes, "unknown"],
                    "company_size" => ["smb", "mid_market", "enterprise"],
                    _ => null,
                };
                if (allowed is not null && !allowed.Contains(value))
                    throw Fail(key, $"maps to \"{value}\", which is not a canonical {field.Name}; use one of: {string.Join(", ", allowed)}");
                pairs.Add(KeyValuePair.Create(pair.Name, value));
            }
            result[field.Name] = pairs;
        }
        return result;
    }

    /// <summary>Checks that an element is an object whose keys are all allowed (null: any key).</summary>
    private void Object(JsonElement element, string key, IReadOnlyCollection<string>? allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw Fail(key, "is not an object ({ ... })");
        if (allowed is null)
            return;
        foreach (var property in element.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
            throw Fail(Join(key, property.Name), $"\"{property.Name}\" is not a key here; the keys are: {string.Join(", ", allowed)}");
    }

    private string Property(JsonElement element, string key, string name) =>
        element.TryGetProperty(name, out var value) ? Text(value, Join(key, name)) : throw Fail(key, $"has no \"{name}\"");

    private string Text(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.String && element.GetString() is { } text && text.Trim().Length > 0
            ? text.Trim()
            : throw Fail(key, "is not a non-empty text");

    private static string Join(string key, string name) => key.Length == 0 ? name : $"{key}.{name}";

    private InputException Fail(string key, string message)
    {
        var line = _lines.TryGetValue(key, out var l) ? $", line {l}" : "";
        var what = key.Length == 0 ? "the top level" : $"\"{key}\"";
        return new InputException($"Mapping file {_path}{line}: {what} {message}. See README \"Mapping file\".");
    }
}

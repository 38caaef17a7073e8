using System.Globalization;
using CsvHelper;

namespace Pipeline.Warehouse.Reports.Benchmarks;

/// <summary>
/// The industry benchmarks the rep workbooks compare against: a CSV file of published figures, each
/// with its source, year and definition (README "Benchmarks"). The default table ships in
/// <c>benchmarks/default.csv</c>; a user's own file replaces it. A figure the table does not hold is
/// shown as "no benchmark": nothing is made up.
/// </summary>
public sealed class BenchmarkTable
{
    public const string StageConversion = "stage_conversion";
    public const string WinRate = "win_rate";
    public const string CycleDays = "cycle_days";

    private static readonly string[] Metrics = [StageConversion, WinRate, CycleDays];
    private static readonly string[] Columns = ["metric", "stage", "lead_type", "value", "source", "year", "definition", "url"];

    /// <summary>The canonical lead types (core.dim_lead_type) a row may name.</summary>
    private static readonly string[] LeadTypes =
    [
        "inbound", "mql", "sql", "warm_call", "target_account", "friends_family", "event", "referral", "re_engaged",
    ];

    private BenchmarkTable(string path, List<Benchmark> rows)
    {
        Path = path;
        Rows = rows;
    }

    /// <summary>The file the figures came from.</summary>
    public string Path { get; }

    public IReadOnlyList<Benchmark> Rows { get; }

    /// <summary>The shipped table, copied beside the assembly.</summary>
    public static string DefaultPath => System.IO.Path.Combine(AppContext.BaseDirectory, "benchmarks", "default.csv");

    public static BenchmarkTable Default() => Load(DefaultPath);

    /// <summary>The all-lead-types figure of a metric (and stage), or null: "no benchmark".</summary>
    public Benchmark? Find(string metric, string? stage = null) =>
        Rows.FirstOrDefault(row => row.Metric == metric && row.Stage == stage && row.LeadType is null);

    /// <summary>Reads and checks a benchmark file; every problem names the file, line and column.</summary>
    public static BenchmarkTable Load(string path)
    {
        if (!File.Exists(path))
            throw new BenchmarkFileException($"Benchmark file {path} does not exist. Pass an existing CSV file to --benchmarks, or leave the option out to use the shipped table.");
        var rows = new List<Benchmark>();
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        });
        Dictionary<string, int>? header = null;
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim()).ToArray();
            if (header is null)
            {
                header = ReadHeader(path, line, fields);
                continue;
            }
            if (fields.Length > Columns.Length)
                throw Problem(path, line, null, $"the record has {fields.Length} fields but the header has {Columns.Length}; quote values that contain commas");
            rows.Add(ReadRow(path, line, header, fields));
        }
        if (header is null)
            throw new BenchmarkFileException($"Benchmark file {path} is empty. Its first line must be the header: {string.Join(",", Columns)}.");
        var duplicate = rows.GroupBy(row => (row.Metric, row.Stage, row.LeadType)).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            var lines = duplicate.Select(row => row.Line).ToList();
            throw Problem(path, lines[1], null, $"it repeats the figure of line {lines[0]} ({Describe(duplicate.First())}); keep one row per metric, stage and lead type");
        }
        return new BenchmarkTable(System.IO.Path.GetFullPath(path), rows);
    }

    private static Dictionary<string, int> ReadHeader(string path, int line, string[] fields)
    {
        var header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Length; i++)
        {
            var name = fields[i].TrimStart('\uFEFF');
            if (!Columns.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw Problem(path, line, i + 1, $"the header names \"{name}\", which is not a benchmark column; the columns are {string.Join(", ", Columns)}");
            if (!header.TryAdd(name, i))
                throw Problem(path, line, i + 1, $"the header names \"{name}\" twice");
        }
        var missing = Columns.Where(column => column != "url" && !header.ContainsKey(column)).ToList();
        if (missing.Count > 0)
            throw Problem(path, line, null, $"the header lacks {string.Join(", ", missing)}; every figure needs its metric, value, source, year and definition (stage and lead_type may be empty)");
        return header;
    }

    private static Benchmark ReadRow(string path, int line, Dictionary<string, int> header, string[] fields)
    {
        string Field(string name) => header.TryGetValue(name, out var i) && i < fields.Length ? fields[i] : string.Empty;
        int Column(string name) => header[name] + 1;
        string Required(string name, string what) =>
            Field(name) is { Length: > 0 } value ? value : throw Problem(path, line, Column(name), $"{name} is empty; give {what}");

        var metric = Required("metric", $"one of {string.Join(", ", Metrics)}");
        if (!Metrics.Contains(metric))
            throw Problem(path, line, Column("metric"), $"metric \"{metric}\" is not one of {string.Join(", ", Metrics)}");

        var stage = Field("stage") is { Length: > 0 } s ? s : null;
        if (metric == StageConversion && (stage is null || Array.IndexOf(Stages.Names, stage) is < 0 or > 7))
            throw Problem(path, line, Column("stage"), $"a stage_conversion needs the stage it converts from, one of {string.Join(", ", Stages.Names[..8])}; found \"{stage}\"");
        if (metric != StageConversion && stage is not null)
            throw Problem(path, line, Column("stage"), $"a {metric} figure is for the whole pipeline, so its stage must be empty; found \"{stage}\"");

        var leadType = Field("lead_type") is { Length: > 0 } l ? l : null;
        if (leadType is not null && !LeadTypes.Contains(leadType))
            throw Problem(path, line, Column("lead_type"), $"lead_type \"{leadType}\" is not a canonical lead type; use one of {string.Join(", ", LeadTypes)}, or leave it empty for all lead types");

        var value = ParseValue(path, line, Column("value"), metric, Required("value", metric == CycleDays ? "a number of days" : "a rate such as 21% or 0.21"));
        var source = Required("source", "who published the figure");
        var yearText = Required("year", "the year the figure was published");
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100)
            throw Problem(path, line, Column("year"), $"year \"{yearText}\" is not a four-digit year");
        var definition = Required("definition", "what the figure measures, in the source's own terms");
        var url = Field("url") is { Length: > 0 } u ? u : null;
        return new Benchmark(metric, stage, leadType, value, source, year, definition, url, line);
    }

    private static double ParseValue(string path, int line, int column, string metric, string text)
    {
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1].Trim() : text;
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value))
            throw Problem(path, line, column, $"value \"{text}\" is not a number (write 21% or 0.21 for a rate, 84 for days; a dot for decimals)");
        if (metric == CycleDays)
        {
            if (percent || value <= 0)
                throw Problem(path, line, column, $"cycle_days value \"{text}\" must be a positive number of days");
            return value;
        }
        var rate = percent ? value / 100 : value;
        if (rate is < 0 or > 1)
            throw Problem(path, line, column, $"a rate must lie between 0% and 100% (0 and 1); found \"{text}\"");
        return rate;
    }

    private static string Describe(Benchmark row) =>
        $"{row.Metric}{(row.Stage is null ? "" : " " + row.Stage)}{(row.LeadType is null ? "" : " for " + row.LeadType)}";

    private static BenchmarkFileException Problem(string path, int line, int? column, string what) =>
        new($"Benchmark file {path}, line {line}{(column is { } c ? $", column {c}" : "")}: {what}. See README \"Benchmarks\" for the format.");
}

using System.Globalization;
using CsvHelper;

namespace Pipeline.Warehouse.Reports.Benchmarks;

/// <summary>
/// The industry benchmarks the rep workbooks compare against: a CSV file of published figures, one
/// row per figure, each typed in our terms (metric, stage, lead type), with how closely it fits our
/// definition (exact or approximate, with a note), its source, year and definition (README
/// "Benchmarks"). The default table ships in <c>benchmarks/default.csv</c>; a user's own file
/// replaces it. A figure the table does not hold is shown as "no benchmark": nothing is made up.
/// </summary>
public sealed class BenchmarkTable
{
    /// <summary>advanced / exited out of <see cref="Benchmark.Stage"/> (METRICS.md section 4; skipped stages count as reached).</summary>
    public const string StageConversion = "stage_conversion";

    /// <summary>The share of leads that reached the opportunity stage (optionally by lead type).</summary>
    public const string LeadToOpportunity = "lead_to_opportunity";

    /// <summary>Of the deals that reached opportunity and closed, the share won: what a published win rate is compared with.</summary>
    public const string OpportunityToWon = "opportunity_to_won";

    /// <summary>The share of leads that ended won (optionally by lead type). Never set beside a win rate.</summary>
    public const string LeadToWon = "lead_to_won";

    /// <summary>Days from a deal's start to a won close (METRICS.md section 5).</summary>
    public const string CycleDays = "cycle_days";

    /// <summary>
    /// The old format's name for a win rate (won / closed). Tables no longer hold it: an old-format
    /// table's <c>win_rate</c> row is read as <see cref="OpportunityToWon"/>, and a new-format table
    /// may not use it. So <c>Find(WinRate)</c> finds nothing, and a workbook still comparing its
    /// won/closed win rate says "no benchmark" until it compares opportunity-to-won with
    /// <see cref="OpportunityToWon"/>.
    /// </summary>
    public const string WinRate = "win_rate";

    /// <summary>The metrics a row may name, in our terms.</summary>
    public static IReadOnlyList<string> MetricNames { get; } = [StageConversion, LeadToOpportunity, OpportunityToWon, LeadToWon, CycleDays];

    /// <summary>The header of the current format, in order (url may be left out).</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = ["metric", "stage", "lead_type", "value", "fit", "note", "source", "year", "definition", "url"];

    /// <summary>The columns the format before fit and note had; such a file is still read (see <see cref="IsOldFormat"/>).</summary>
    private static readonly string[] OldColumns = ["metric", "stage", "lead_type", "value", "source", "year", "definition", "url"];

    /// <summary>The note an old-format row gets: it is read as approximate, and this says why.</summary>
    public const string OldFormatNote =
        "Approximate: this figure comes from a benchmark table in the old format (no fit or note column), so how its definition differs from ours was not stated.";

    /// <summary>The note an old-format <c>win_rate</c> row gets, read as <see cref="OpportunityToWon"/>.</summary>
    public const string OldFormatWinRateNote =
        "Approximate: the table gives this as a win rate in the old format (no fit or note column); it is compared with our opportunity-to-won rate (of the deals that reached opportunity and closed, the share won), and how its definition differs was not stated.";

    /// <summary>The canonical lead types (core.dim_lead_type) a row may name.</summary>
    private static readonly string[] LeadTypes =
    [
        "inbound", "mql", "sql", "warm_call", "target_account", "friends_family", "event", "referral", "re_engaged",
    ];

    private static readonly string[] FitNames = ["exact", "approximate"];

    private BenchmarkTable(string path, List<Benchmark> rows, bool oldFormat)
    {
        Path = path;
        Rows = rows;
        IsOldFormat = oldFormat;
    }

    /// <summary>The file the figures came from.</summary>
    public string Path { get; }

    /// <summary>Every figure, in file order.</summary>
    public IReadOnlyList<Benchmark> Rows { get; }

    /// <summary>
    /// True when the file has the old header (no fit and no note column): every row was read as
    /// approximate with <see cref="OldFormatNote"/> (<c>win_rate</c> as <see cref="OpportunityToWon"/>
    /// with <see cref="OldFormatWinRateNote"/>). <see cref="Warning"/> says how to update it.
    /// </summary>
    public bool IsOldFormat { get; }

    /// <summary>For an old-format file, the sentence to show the user (which columns to add); otherwise null.</summary>
    public string? Warning => IsOldFormat
        ? $"Benchmark file {Path} is in the old format: every figure in it is read as approximate, with a note saying its fit was not stated. " +
          "Add the columns fit (exact or approximate) and note (for an approximate figure, the sentence saying how it differs from our definition), " +
          "and write win_rate as opportunity_to_won (see README \"Benchmarks\")."
        : null;

    /// <summary>The shipped table, copied beside the assembly.</summary>
    public static string DefaultPath => System.IO.Path.Combine(AppContext.BaseDirectory, "benchmarks", "default.csv");

    public static BenchmarkTable Default() => Load(DefaultPath);

    /// <summary>
    /// The figure for a metric, stage and lead type, or null: "no benchmark". The key is matched
    /// exactly: <paramref name="stage"/> only for <see cref="StageConversion"/>; a null
    /// <paramref name="leadType"/> asks for the all-lead-types figure, not any lead type's.
    /// </summary>
    public Benchmark? Find(string metric, string? stage = null, string? leadType = null) =>
        Rows.FirstOrDefault(row => row.Metric == metric && row.Stage == stage && row.LeadType == leadType);

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
        var oldFormat = false;
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            var fields = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim()).ToArray();
            if (header is null)
            {
                (header, oldFormat) = ReadHeader(path, line, fields);
                continue;
            }
            if (fields.Length > header.Count)
                throw Problem(path, line, null, $"the record has {fields.Length} fields but the header has {header.Count}; quote values that contain commas");
            rows.Add(ReadRow(path, line, header, fields, oldFormat));
        }
        if (header is null)
            throw new BenchmarkFileException($"Benchmark file {path} is empty. Its first line must be the header: {string.Join(",", ColumnNames)}.");
        var duplicate = rows.GroupBy(row => (row.Metric, row.Stage, row.LeadType)).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            var lines = duplicate.Select(row => row.Line).ToList();
            throw Problem(path, lines[1], null, $"it repeats the figure of line {lines[0]} ({Describe(duplicate.First())}); keep one row per metric, stage and lead type");
        }
        return new BenchmarkTable(System.IO.Path.GetFullPath(path), rows, oldFormat);
    }

    private static (Dictionary<string, int> Header, bool OldFormat) ReadHeader(string path, int line, string[] fields)
    {
        var header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Length; i++)
        {
            var name = fields[i].TrimStart('\uFEFF');
            if (!ColumnNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw Problem(path, line, i + 1, $"the header names \"{name}\", which is not a benchmark column; the columns are {string.Join(", ", ColumnNames)}");
            if (!header.TryAdd(name, i))
                throw Problem(path, line, i + 1, $"the header names \"{name}\" twice");
        }
        // The format before fit and note: read on, each figure as approximate with a stated note.
        var oldFormat = !header.ContainsKey("fit") && !header.ContainsKey("note");
        var required = (oldFormat ? OldColumns : ColumnNames).Where(column => column != "url");
        var missing = required.Where(column => !header.ContainsKey(column)).ToList();
        if (missing.Count > 0)
            throw Problem(path, line, null, $"the header lacks {string.Join(", ", missing)}; the columns are {string.Join(",", ColumnNames)} " +
                "(every figure needs its metric, value, fit, source, year and definition, and a note when its fit is approximate; stage, lead_type and url may be empty)");
        return (header, oldFormat);
    }

    private static Benchmark ReadRow(string path, int line, Dictionary<string, int> header, string[] fields, bool oldFormat)
    {
        string Field(string name) => header.TryGetValue(name, out var i) && i < fields.Length ? fields[i] : string.Empty;
        int Column(string name) => header[name] + 1;
        string Required(string name, string what) =>
            Field(name) is { Length: > 0 } value ? value : throw Problem(path, line, Column(name), $"{name} is empty; give {what}");

        var metric = Required("metric", $"one of {string.Join(", ", MetricNames)}");
        var oldWinRate = oldFormat && metric == WinRate;
        if (oldWinRate)
            metric = OpportunityToWon;
        else if (metric == WinRate)
            throw Problem(path, line, Column("metric"), $"metric \"{WinRate}\" is the old format's name; a published win rate is compared with {OpportunityToWon} " +
                $"(of the deals that reached opportunity and closed, the share won), or is {LeadToWon} if it counts from the lead");
        else if (!MetricNames.Contains(metric))
            throw Problem(path, line, Column("metric"), $"metric \"{metric}\" is not one of {string.Join(", ", MetricNames)}");

        var stage = Field("stage") is { Length: > 0 } s ? s : null;
        if (metric == StageConversion && (stage is null || Array.IndexOf(Stages.Names, stage) is < 0 or > 7))
            throw Problem(path, line, Column("stage"), $"a stage_conversion needs the stage it converts from, one of {string.Join(", ", Stages.Names[..8])}; found \"{stage}\"");
        if (metric != StageConversion && stage is not null)
            throw Problem(path, line, Column("stage"), $"{metric} is not a figure for one stage, so its stage must be empty; found \"{stage}\"");

        var leadType = Field("lead_type") is { Length: > 0 } l ? l : null;
        if (leadType is not null && !LeadTypes.Contains(leadType))
            throw Problem(path, line, Column("lead_type"), $"lead_type \"{leadType}\" is not a canonical lead type; use one of {string.Join(", ", LeadTypes)}, or leave it empty for all lead types");

        var value = ParseValue(path, line, Column("value"), metric, Required("value", metric == CycleDays ? "a number of days" : "a rate such as 21% or 0.21"));

        BenchmarkFit fit;
        string? note;
        if (oldFormat)
        {
            fit = BenchmarkFit.Approximate;
            note = oldWinRate ? OldFormatWinRateNote : OldFormatNote;
        }
        else
        {
            var fitText = Required("fit", "exact or approximate: how closely the figure's definition matches ours");
            fit = fitText.ToLowerInvariant() switch
            {
                "exact" => BenchmarkFit.Exact,
                "approximate" => BenchmarkFit.Approximate,
                _ => throw Problem(path, line, Column("fit"), $"fit \"{fitText}\" is not one of {string.Join(", ", FitNames)}"),
            };
            note = Field("note") is { Length: > 0 } n ? n : null;
            if (fit == BenchmarkFit.Approximate && note is null)
                throw Problem(path, line, Column("note"), "note is empty; an approximate figure needs the sentence a reader sees beside it, saying how it differs from our definition");
        }

        var source = Required("source", "who published the figure");
        var yearText = Required("year", "the year the figure was published");
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100)
            throw Problem(path, line, Column("year"), $"year \"{yearText}\" is not a four-digit year");
        var definition = Required("definition", "what the figure measures, in the source's own terms");
        var url = Field("url") is { Length: > 0 } u ? u : null;
        return new Benchmark(metric, stage, leadType, value, fit, note, source, year, definition, url, line);
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

using System.Text;
using System.Text.Unicode;
using CsvHelper;
using DuckDB.NET.Data;

namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>
/// Loads an input file into a temp table <c>raw_&lt;table&gt;</c> of VARCHAR columns, one row per record
/// in file order. The fast path is DuckDB's parallel <c>read_csv</c>; when it reports any record it
/// cannot take (wrong field count, broken quoting), cannot read the file at all, or a byte scan finds a
/// record with more fields than the header (which DuckDB lets pass when the extra field is empty), a NUL
/// byte or a quote inside an unquoted field (both of which DuckDB loads as text), the file is read
/// again on the slow path with CsvHelper, which knows each record's physical line: short records are
/// padded with empty fields (INPUTS.md), the others (too many fields, broken quoting, bytes that are
/// not UTF-8, a field holding a NUL byte) are kept as structural rejects.
/// </summary>
public static class RawLoader
{
    public static LoadedFile Load(DuckDBConnection connection, InputFile file)
    {
        var columns = RawColumns(file);
        // DuckDB takes a record with one extra, empty field, a NUL byte or a stray quote (ab"cd) as a
        // row; a byte scan beside it finds them.
        var suspect = Task.Run(() => RecordWidth.NeedsSlowPath(file.Path, columns.Length));
        var fast = TryFastPath(connection, file, columns, out var rows);
        CreateMalformedTable(connection, file.RawTable, columns);
        LoadedFile loaded;
        if (!suspect.GetAwaiter().GetResult() && fast)
            loaded = new LoadedFile(file, rows, rows, [], LineMap.Lazy(file.Path), SlowPath: false);
        else
            loaded = SlowPath(connection, file, columns);
        AddAbsentColumns(connection, file);
        return loaded;
    }

    /// <summary>An optional file the folder lacks is an empty raw table, so the models see no difference.</summary>
    public static void CreateEmpty(DuckDBConnection connection, InputFileSpec spec)
    {
        var columns = spec.Columns.Select(c => c.RawName).ToArray();
        Execute(connection, $"create or replace temp table raw_{spec.Table} ({string.Join(", ", columns.Select(c => c + " varchar"))})");
        CreateMalformedTable(connection, "raw_" + spec.Table, columns);
    }

    /// <summary>
    /// <c>raw_&lt;table&gt;_malformed</c>: the structural rejects, with the fields as the CSV reader split them
    /// (the first ones, as far as the header goes), so the models can tell that a key was in the file
    /// although its record was malformed. The ordinal of the k-th malformed record (0-based) is -(k + 1);
    /// see <see cref="LoadedFile.LineOf"/>.
    /// </summary>
    private static void CreateMalformedTable(DuckDBConnection connection, string rawTable, string[] columns) =>
        Execute(connection, $"create or replace temp table {rawTable}_malformed (ordinal bigint, {string.Join(", ", columns.Select(c => c + " varchar"))})");

    /// <summary>The raw table's column names, one per header position: the canonical name, or extra_N.</summary>
    private static string[] RawColumns(InputFile file) =>
        [.. file.Columns.Select((c, i) => c is null ? $"extra_{i + 1}" : file.Spec.Columns.First(spec => spec.Name == c).RawName)];

    private static bool TryFastPath(DuckDBConnection connection, InputFile file, string[] columns, out long rows)
    {
        var rejects = "rejects_" + file.Spec.Table;
        var struct_ = string.Join(", ", columns.Select(c => $"'{c}': 'VARCHAR'"));
        try
        {
            Execute(connection, $$"""
                create or replace temp table {{file.RawTable}} as
                select * from read_csv($path, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                    encoding = 'utf-8', store_rejects = true, rejects_table = '{{rejects}}', rejects_scan = '{{rejects}}_scan',
                    columns = {{{struct_}}})
                """, ("path", file.Path));
        }
        catch (DuckDBException)
        {
            // A file DuckDB cannot read as a whole (mixed line endings, say) goes to the slow path,
            // which reads any RFC 4180 input and says which records are wrong.
            rows = 0;
            return false;
        }
        var rejected = Scalar(connection, $"select count(*) from {rejects}");
        Execute(connection, $"drop table if exists {rejects}; drop table if exists {rejects}_scan");
        rows = Scalar(connection, $"select count(*) from {file.RawTable}");
        return rejected == 0;
    }

    private static LoadedFile SlowPath(DuckDBConnection connection, InputFile file, string[] columns)
    {
        Execute(connection, $"create or replace temp table {file.RawTable} ({string.Join(", ", columns.Select(c => c + " varchar"))})");
        var structural = new List<StructuralReject>();
        var lines = new List<int>();
        CsvMalformedRecord? malformed = null;
        long records = 0;
        using (var appender = connection.CreateAppender(file.RawTable))
        using (var malformedAppender = connection.CreateAppender(file.RawTable + "_malformed"))
        using (var reader = CsvFiles.Open(file.Path, m => malformed = m))
        {
            while (reader.Read())
            {
                var problem = malformed;
                malformed = null;
                if (CsvFiles.IsBlank(reader))
                    continue;
                records++;
                var line = reader.LineNumber;
                if (Problem(reader, problem, file, columns.Length) is var (reason, column, value) && reason is not null)
                {
                    structural.Add(new StructuralReject(line, value ?? Raw(reader), reason, column));
                    AppendFields(malformedAppender.CreateRow().AppendValue(-(long)structural.Count), reader, columns.Length);
                    continue;
                }
                AppendFields(appender.CreateRow(), reader, columns.Length);
                lines.Add(checked((int)line));
            }
        }
        return new LoadedFile(file, records, lines.Count, structural, LineMap.Known([.. lines]), SlowPath: true);
    }

    /// <summary>
    /// Why the record cannot be a row (null when it can), with the column (the user's header) and the
    /// value to report when the problem is one field's, not the record's.
    /// </summary>
    private static (string? Reason, string? Column, string? Value) Problem(CsvReader reader, CsvMalformedRecord? malformed, InputFile file, int columns)
    {
        if (!Utf8.IsValid(reader.RawRecord))
            return ("The record is not valid UTF-8, so some of its characters cannot be read (an export saved as Latin-1 or Windows-1252 does this). Save the file as UTF-8 (Excel: \"CSV UTF-8\") and run again.", null, null);
        if (malformed is { Reason: CsvMalformedReason.StrayQuote or CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.TextAfterClosingQuote or CsvMalformedReason.LineBreakInQuotes } quoting)
            return (QuotingReason(quoting.Reason), null, null);
        if (reader.FieldCount > columns)
            return ($"The record has {reader.FieldCount} fields but the header has {columns}. Quote values that contain commas (\"Smith, Jones\") or remove the extra fields.", null, null);
        if (reader.RawRecord.IndexOf((byte)0) >= 0)
            for (var i = 0; i < reader.FieldCount; i++)
                if (reader.GetString(i).Contains('\0'))
                {
                    var header = i < file.Headers.Count ? file.Headers[i] : $"field {i + 1}";
                    var shown = ShowNul(reader.GetString(i));
                    return ($"{header} \"{shown}\" holds a NUL byte (shown as \\0), which is not text: the export is damaged, or binary data was pasted into the field. Remove the character in the CRM (or the file) and export again.", header, shown);
                }
        return (null, null, null);
    }

    /// <summary>A NUL byte as the two characters \0, so the value can be stored and printed.</summary>
    private static string ShowNul(string value) => value.Replace("\0", "\\0", StringComparison.Ordinal);

    /// <summary>
    /// Appends the record's first fields as a row; missing trailing fields are empty (INPUTS.md), and an
    /// empty field is NULL, as on the fast path. A NUL byte (only a rejected record has one) is written \0.
    /// </summary>
    private static void AppendFields(IDuckDBAppenderRow row, CsvReader reader, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var value = i < reader.FieldCount ? ShowNul(reader.GetString(i)) : "";
            if (value.Length == 0)
                row.AppendNullValue();
            else
                row.AppendValue(value);
        }
        row.EndRow();
    }

    private static string QuotingReason(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote =>
            "A quote inside an unquoted field (ab\"cd) breaks the CSV quoting rules. Quote the whole field and double the quote inside it (\"ab\"\"cd\").",
        CsvMalformedReason.UnterminatedQuote =>
            "A quoted field is never closed, so the rest of the file was read as one value. Close the quote, or double a quote that is part of the text (\"\").",
        CsvMalformedReason.TextAfterClosingQuote =>
            "Text follows the closing quote of a field (\"ab\"c). Put the whole value inside the quotes and double the quotes that are part of the text (\"ab\"\"c\").",
        _ => "The record breaks the CSV quoting rules. Quote whole values and double the quotes inside them.",
    };

    private static string Raw(CsvReader reader) => Encoding.UTF8.GetString(reader.RawRecord);

    /// <summary>Optional columns the file lacks become NULL columns, so staging models can name every column.</summary>
    private static void AddAbsentColumns(DuckDBConnection connection, InputFile file)
    {
        foreach (var column in file.Spec.Columns.Where(c => !file.Has(c.Name)))
            Execute(connection, $"alter table {file.RawTable} add column {column.RawName} varchar; alter table {file.RawTable}_malformed add column {column.RawName} varchar");
    }

    private static void Execute(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        Sql.Execute(connection, sql, parameters);

    private static long Scalar(DuckDBConnection connection, string sql) => Sql.Scalar(connection, sql);
}

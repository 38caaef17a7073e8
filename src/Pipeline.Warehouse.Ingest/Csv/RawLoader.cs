using System.Text;
using CsvHelper;
using DuckDB.NET.Data;

namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>
/// Loads an input file into a temp table <c>raw_&lt;table&gt;</c> of VARCHAR columns, one row per record
/// in file order. The fast path is DuckDB's parallel <c>read_csv</c>; when it reports any record it
/// cannot take (wrong field count, broken quoting) or cannot read the file at all, the file is read
/// again on the slow path with CsvHelper, which knows each record's physical line: short records are
/// padded with empty fields (INPUTS.md), the others are kept as structural rejects.
/// </summary>
public static class RawLoader
{
    public static LoadedFile Load(DuckDBConnection connection, InputFile file)
    {
        var columns = RawColumns(file);
        if (TryFastPath(connection, file, columns, out var rows))
        {
            AddAbsentColumns(connection, file);
            return new LoadedFile(file, rows, rows, [], LineMap.Lazy(file.Path), SlowPath: false);
        }
        var loaded = SlowPath(connection, file, columns);
        AddAbsentColumns(connection, file);
        return loaded;
    }

    /// <summary>An optional file the folder lacks is an empty raw table, so the models see no difference.</summary>
    public static void CreateEmpty(DuckDBConnection connection, InputFileSpec spec) =>
        Execute(connection, $"create or replace temp table raw_{spec.Table} ({string.Join(", ", spec.Columns.Select(c => c.Name + " varchar"))})");

    /// <summary>The raw table's column names, one per header position: the canonical name, or extra_N.</summary>
    private static string[] RawColumns(InputFile file) =>
        [.. file.Columns.Select((c, i) => c ?? $"extra_{i + 1}")];

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
                if (problem is { } quoting && quoting.Reason is CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.TextAfterClosingQuote or CsvMalformedReason.LineBreakInQuotes)
                {
                    structural.Add(new StructuralReject(line, Raw(reader), QuotingReason(quoting.Reason)));
                    continue;
                }
                if (reader.FieldCount > columns.Length)
                {
                    structural.Add(new StructuralReject(line, Raw(reader),
                        $"The record has {reader.FieldCount} fields but the header has {columns.Length}. Quote values that contain commas (\"Smith, Jones\") or remove the extra fields."));
                    continue;
                }
                var row = appender.CreateRow();
                for (var i = 0; i < columns.Length; i++)
                {
                    // Missing trailing fields are empty (INPUTS.md); an empty field is NULL, as on the fast path.
                    var value = i < reader.FieldCount ? reader.GetString(i) : "";
                    if (value.Length == 0)
                        row.AppendNullValue();
                    else
                        row.AppendValue(value);
                }
                row.EndRow();
                lines.Add(checked((int)line));
            }
        }
        return new LoadedFile(file, records, lines.Count, structural, LineMap.Known([.. lines]), SlowPath: true);
    }

    private static string QuotingReason(CsvMalformedReason reason) => reason switch
    {
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
            Execute(connection, $"alter table {file.RawTable} add column {column.Name} varchar");
    }

    private static void Execute(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        Sql.Execute(connection, sql, parameters);

    private static long Scalar(DuckDBConnection connection, string sql) => Sql.Scalar(connection, sql);
}

using CsvHelper;

namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>The CsvHelper settings every line-counting read of an input file uses (RFC 4180, comma).</summary>
internal static class CsvFiles
{
    public static CsvReader Open(string path, Action<CsvMalformedRecord>? onMalformed = null) =>
        CsvReader.FromFile(path, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            TrimWhitespace = false,
            OnMalformedRecord = onMalformed,
        });

    /// <summary>A record of nothing but spaces or tabs is a blank line, not a row (DuckDB agrees: it skips them too, or rejects them as one short field).</summary>
    public static bool IsBlank(CsvReader reader) =>
        reader.FieldCount == 1 && reader.GetString(0).AsSpan().Trim(" \t\r").IsEmpty;
}

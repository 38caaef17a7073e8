using System.Text;
using System.Text.Unicode;

namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>Reads the header record of a CSV file (RFC 4180, UTF-8 with or without BOM).</summary>
public static class CsvHeader
{
    /// <summary>
    /// The header's fields. A file that cannot be read, or is not a UTF-8 text file (a workbook,
    /// an archive, UTF-16, binary bytes in the header line) is an <see cref="InputException"/>.
    /// </summary>
    public static IReadOnlyList<string> Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var start = new byte[64 * 1024];
            var length = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            if (NotText(start.AsSpan(0, length)) is { } what)
                throw new InputException($"{Path.GetFileName(path)} is not a text CSV: {what}. Export the data as a CSV file (UTF-8, comma-separated) and put that in the folder.");
            stream.Position = 0;
            return Parse(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{Path.GetFileName(path)} cannot be read ({e.Message}). Check that the file is complete and readable by the user running the job.");
        }
    }

    /// <summary>Why the start of a file is not UTF-8 CSV text, or null if it may be.</summary>
    internal static string? NotText(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith("PK\u0003\u0004"u8))
            return "it is a ZIP archive (an .xlsx workbook is one)";
        if (start.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            return "it is an old-style Office file (.xls)";
        if (start.StartsWith("%PDF"u8))
            return "it is a PDF document";
        if (start.StartsWith(new byte[] { 0x1F, 0x8B }))
            return "it is gzip-compressed; decompress it first";
        if (start.StartsWith(new byte[] { 0xFF, 0xFE }) || start.StartsWith(new byte[] { 0xFE, 0xFF }))
            return "it is UTF-16 text; save it as UTF-8";
        var line = start;
        var end = line.IndexOf((byte)'\n');
        if (end >= 0)
            line = line[..end];
        var nul = line.IndexOf((byte)0);
        if (nul >= 0)
            return $"its header line holds a NUL byte at byte {nul + 1}, so it is binary data (or UTF-16 text)";
        if (end < 0 && start.Length == 64 * 1024)
            line = line[..^4]; // a character may be cut at the end of what was read
        if (!Utf8.IsValid(line))
            return "its header line is not valid UTF-8; save the export as UTF-8";
        return null;
    }

    private static IReadOnlyList<string> Parse(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"')
                    field.Append(ch);
                else if (reader.Peek() == '"')
                    field.Append((char)reader.Read());
                else
                    quoted = false;
            }
            else if (ch == '"')
                quoted = true;
            else if (ch == ',')
                fields.Add(Take(field));
            else if (ch == '\n')
                break;
            else if (ch != '\r')
                field.Append(ch);
        }
        if (fields.Count > 0 || field.Length > 0)
            fields.Add(Take(field));
        return fields;
    }

    private static string Take(StringBuilder field)
    {
        var text = field.ToString().Trim();
        field.Clear();
        return text;
    }
}

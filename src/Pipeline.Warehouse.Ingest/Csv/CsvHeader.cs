using System.Text;

namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>Reads the header record of a CSV file (RFC 4180, UTF-8 with or without BOM).</summary>
public static class CsvHeader
{
    public static IReadOnlyList<string> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
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

using System.Text;

namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>A CSV file read back with a small RFC 4180 parser: header plus records.</summary>
public sealed class CsvTable
{
    private CsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    public int this[string column]
    {
        get
        {
            int index = Array.IndexOf(Header, column);
            return index >= 0 ? index : throw new KeyNotFoundException($"No column '{column}' in: {string.Join(",", Header)}");
        }
    }

    public static CsvTable Read(string path)
    {
        List<string[]> records = Parse(File.ReadAllText(path, new UTF8Encoding(false)));
        return new CsvTable(records[0], records.GetRange(1, records.Count - 1));
    }

    /// <summary>Splits one physical line into fields, honouring quotes (doubled quotes are one quote).</summary>
    public static string[] SplitLine(string line) => Parse(line + "\n").Single();

    /// <summary>RFC 4180: fields separated by commas, records by LF or CRLF, quoted fields may hold both and doubled quotes.</summary>
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }
}

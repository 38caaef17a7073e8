using System.Text;

namespace Pipeline.Warehouse.Demo;

/// <summary>RFC 4180 field encoding to UTF-8 bytes, done once per distinct value.</summary>
internal static class CsvText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The field as written: quoted (quotes doubled) only when it holds a comma, quote, CR or LF.</summary>
    public static string Quote(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static byte[] Field(string value) => Utf8.GetBytes(Quote(value));

    public static byte[][] Fields(IReadOnlyList<string> values)
    {
        var fields = new byte[values.Count][];
        for (int i = 0; i < fields.Length; i++)
        {
            fields[i] = Field(values[i]);
        }

        return fields;
    }

    /// <summary>A header or any all-safe row: fields joined by commas, ending in LF.</summary>
    public static byte[] Line(params string[] fields)
    {
        var line = new StringBuilder();
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            line.Append(Quote(fields[i]));
        }

        line.Append('\n');
        return Utf8.GetBytes(line.ToString());
    }
}

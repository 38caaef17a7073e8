using System.Buffers;

namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>
/// Finds records DuckDB's <c>read_csv</c> would take as rows although INPUTS.md calls them bad: a NUL
/// byte anywhere (text holding one is a bad row), a quote inside an unquoted field (<c>ab"cd</c>,
/// broken quoting, which DuckDB reads as text), and records with more fields than the header:
/// it silently drops one extra field when that field is empty (<c>a,b,c,</c> under a three-column
/// header), so a row with a stray comma and an empty last field would load with its columns shifted
/// instead of being rejected (INPUTS.md: a row with more fields than the header is a bad row). Such a
/// file goes to the loader's slow path, which rejects the record with its line.
/// </summary>
/// <remarks>
/// One pass over the bytes. Each buffer is first searched for a NUL byte (vectorized). A line without quotes is a whole record; only one that ends with a comma
/// can hide an extra empty field (DuckDB reports the other too-wide records itself), so only those
/// have their commas counted, vectorized. A record with quotes is walked byte by byte under RFC 4180
/// (doubled quotes, quoted commas and line breaks): any field beyond the header's counts, and so does a
/// quote that is not at the start of an unquoted field.
/// </remarks>
internal static class RecordWidth
{
    private static readonly SearchValues<byte> Unquoted = SearchValues.Create(",\"\n"u8);

    /// <summary>True when the file holds a NUL byte, a stray quote, or a record wider than <paramref name="fields"/>.</summary>
    public static bool NeedsSlowPath(string path, int fields)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var state = new Walk();
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            if (span.IndexOf((byte)0) >= 0)
                return true;
            var i = 0;
            while (i < span.Length)
            {
                if (state.AtRecordStart)
                {
                    var end = span[i..].IndexOf((byte)'\n');
                    if (end >= 0 && span.Slice(i, end).IndexOf((byte)'"') < 0)
                    {
                        if (EndsWithComma(span.Slice(i, end)) && span.Slice(i, end).Count((byte)',') + 1 > fields)
                            return true;
                        i += end + 1;
                        continue;
                    }
                }
                if (state.Step(span, ref i, fields))
                    return true;
            }
        }
        // The last record may end without a line break.
        return state.Count > fields;
    }

    private static bool EndsWithComma(ReadOnlySpan<byte> line) =>
        line.Length > 0 && (line[^1] == (byte)',' || (line[^1] == (byte)'\r' && line.Length > 1 && line[^2] == (byte)','));

    /// <summary>The byte-by-byte reader's state; it survives the end of a buffer.</summary>
    private sealed class Walk
    {
        public int Count { get; private set; } = 1;

        private bool _fieldStart = true;
        private bool _quoted;
        private bool _quoteInQuoted;

        public bool AtRecordStart => Count == 1 && _fieldStart && !_quoted;

        /// <summary>Reads from <paramref name="i"/> to the end of the record or of the buffer; true when a record is too wide.</summary>
        public bool Step(ReadOnlySpan<byte> span, ref int i, int fields)
        {
            while (i < span.Length)
            {
                if (_quoted)
                {
                    if (_quoteInQuoted)
                    {
                        // A quote inside quotes: doubled ("") it is text, otherwise it closed the field.
                        _quoteInQuoted = false;
                        if (span[i] == (byte)'"')
                        {
                            i++;
                            continue;
                        }
                        _quoted = false;
                        continue;
                    }
                    var close = span[i..].IndexOf((byte)'"');
                    if (close < 0)
                    {
                        i = span.Length;
                        return false;
                    }
                    i += close + 1;
                    _quoteInQuoted = true;
                    continue;
                }
                var next = span[i..].IndexOfAny(Unquoted);
                if (next < 0)
                {
                    _fieldStart = false;
                    i = span.Length;
                    return false;
                }
                var opensQuote = _fieldStart && next == 0;
                i += next;
                switch (span[i++])
                {
                    case (byte)',':
                        Count++;
                        _fieldStart = true;
                        break;
                    case (byte)'\n':
                        var tooWide = Count > fields;
                        Count = 1;
                        _fieldStart = true;
                        return tooWide;
                    default:
                        // A quote opens a quoted field only at the field's start; elsewhere it is a
                        // stray quote (broken quoting), which DuckDB would load as text.
                        if (!opensQuote)
                            return true;
                        _quoted = true;
                        _fieldStart = false;
                        break;
                }
            }
            return false;
        }
    }
}

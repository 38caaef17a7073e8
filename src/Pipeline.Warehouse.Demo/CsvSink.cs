namespace Pipeline.Warehouse.Demo;

/// <summary>
/// A buffered UTF-8 CSV file writer for the hot loop: fields arrive pre-encoded as bytes, numbers
/// and dates are formatted straight into the buffer. Callers reserve room for a whole row first.
/// </summary>
internal sealed class CsvSink : IDisposable
{
    private const int SecondsPerDay = 86_400;
    private readonly FileStream stream;
    private readonly byte[] buffer;
    private int position;

    public CsvSink(string path, int bufferSize = 1 << 20)
    {
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        buffer = new byte[bufferSize];
    }

    /// <summary>Makes sure <paramref name="bytes"/> more bytes fit without a flush.</summary>
    public void Reserve(int bytes)
    {
        if (position + bytes > buffer.Length)
        {
            Flush();
            if (bytes > buffer.Length)
            {
                throw new InvalidOperationException($"A CSV row of {bytes} bytes does not fit the {buffer.Length}-byte buffer.");
            }
        }
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.AsSpan(position));
        position += bytes.Length;
    }

    public void Append(byte value) => buffer[position++] = value;

    public void Comma() => buffer[position++] = (byte)',';

    public void EndRow() => buffer[position++] = (byte)'\n';

    public void AppendInteger(long value)
    {
        if (!value.TryFormat(buffer.AsSpan(position), out int written, default, System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("No room left in the CSV buffer: reserve the row first.");
        }

        position += written;
    }

    /// <summary>A non-negative number zero-padded to <paramref name="width"/> digits.</summary>
    public void AppendPadded(long value, int width)
    {
        int end = position + width;
        for (int i = end - 1; i >= position; i--)
        {
            buffer[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        position = end;
    }

    /// <summary>Cents as a plain amount with two decimals, no grouping: 1250000 -> 12500.00.</summary>
    public void AppendAmount(long cents)
    {
        if (cents < 0)
        {
            Append((byte)'-');
            cents = -cents;
        }

        AppendInteger(cents / 100);
        Append((byte)'.');
        AppendPadded(cents % 100, 2);
    }

    /// <summary>A <see cref="DateOnly.DayNumber"/> as yyyy-MM-dd.</summary>
    public void AppendDate(int dayNumber)
    {
        DateOnly.FromDayNumber(dayNumber).Deconstruct(out int year, out int month, out int day);
        AppendPadded(year, 4);
        Append((byte)'-');
        AppendPadded(month, 2);
        Append((byte)'-');
        AppendPadded(day, 2);
    }

    /// <summary>Seconds since 0001-01-01 00:00 UTC as yyyy-MM-ddTHH:mm:ssZ.</summary>
    public void AppendTimestamp(long seconds)
    {
        AppendDateTime(seconds, (byte)'T');
        Append((byte)'Z');
    }

    /// <summary>Seconds since 0001-01-01 00:00 UTC as yyyy-MM-dd, <paramref name="separator"/>, HH:mm:ss (no zone).</summary>
    public void AppendDateTime(long seconds, byte separator)
    {
        AppendDate((int)(seconds / SecondsPerDay));
        int timeOfDay = (int)(seconds % SecondsPerDay);
        Append(separator);
        AppendPadded(timeOfDay / 3600, 2);
        Append((byte)':');
        AppendPadded(timeOfDay / 60 % 60, 2);
        Append((byte)':');
        AppendPadded(timeOfDay % 60, 2);
    }

    public void Flush()
    {
        stream.Write(buffer, 0, position);
        position = 0;
    }

    public void Dispose()
    {
        Flush();
        stream.Dispose();
    }
}

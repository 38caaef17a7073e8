using System.Globalization;

namespace Pipeline.Warehouse.Reports;

/// <summary>One row of a report query, read by column name; DBNull is null.</summary>
internal sealed class ReportRow(IReadOnlyDictionary<string, int> columns, object?[] values)
{
    public object? this[string column] => values[Index(column)];

    public string? Text(string column) => this[column] switch
    {
        null => null,
        string text => text,
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    public long Long(string column) => this[column] is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;

    public double? Double(string column) => this[column] is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;

    public decimal? Decimal(string column) => this[column] is { } value ? Convert.ToDecimal(value, CultureInfo.InvariantCulture) : null;

    public bool Bool(string column) => this[column] is true;

    public DateOnly? Date(string column) => this[column] switch
    {
        null => null,
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        var other => throw new InvalidCastException($"Column '{column}' holds {other.GetType().Name}, expected a date."),
    };

    private int Index(string column) => columns.TryGetValue(column, out var index)
        ? index
        : throw new KeyNotFoundException($"The report query has no column '{column}'; it has: {string.Join(", ", columns.Keys)}.");
}

using System.Globalization;

namespace Pipeline.Warehouse.Ingest;

/// <summary>Percentages in messages, with as many digits as it takes to tell them from a limit.</summary>
public static class Percent
{
    /// <summary>
    /// The value with two decimals, or more when two would print it equal to the limit it is
    /// compared with (5.003% over a 5% limit is "5.003", not "5").
    /// </summary>
    public static string Show(double value, double limit)
    {
        for (var digits = 2; digits <= 8; digits++)
        {
            var format = "0." + new string('#', digits);
            var shown = value.ToString(format, CultureInfo.InvariantCulture);
            if (value == limit || shown != limit.ToString(format, CultureInfo.InvariantCulture))
                return shown;
        }
        return value.ToString("0.########", CultureInfo.InvariantCulture);
    }
}

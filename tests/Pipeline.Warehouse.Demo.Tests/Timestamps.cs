using System.Globalization;

namespace Pipeline.Warehouse.Demo.Tests;

internal static class Timestamps
{
    /// <summary>Parses exactly yyyy-MM-ddTHH:mm:ssZ, the only timestamp form the demo writes.</summary>
    public static DateTime Parse(string value) =>
        DateTime.ParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

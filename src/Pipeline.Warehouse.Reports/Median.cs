namespace Pipeline.Warehouse.Reports;

/// <summary>Median that interpolates (mean of the two middle values), as METRICS.md section 5; null for no values.</summary>
internal static class Median
{
    public static double? Of(IEnumerable<double?> values)
    {
        var sorted = values.Where(value => value.HasValue).Select(value => value!.Value).Order().ToArray();
        if (sorted.Length == 0)
            return null;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

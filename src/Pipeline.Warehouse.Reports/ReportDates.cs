namespace Pipeline.Warehouse.Reports;

/// <summary>The reports' default as-of date.</summary>
public static class ReportDates
{
    /// <summary>The as-of date of the latest run in the warehouse's meta.etl_run.</summary>
    /// <exception cref="InvalidOperationException">The warehouse holds no run.</exception>
    public static DateOnly LatestAsOf(string warehousePath)
    {
        using var queries = new ReportQueries(warehousePath);
        return queries.LatestAsOf(warehousePath);
    }
}

using System.Globalization;

namespace Pipeline.Warehouse.Reports;

/// <summary>A run of the job as meta.etl_run records it: the version of the warehouse a report set shows.</summary>
public sealed record WarehouseLoad(int LoadId, DateOnly AsOf)
{
    /// <summary>What every report says it shows, e.g. "Warehouse load 7, as of 2026-11-30".</summary>
    public string Label => $"Warehouse load {LoadId.ToString(CultureInfo.InvariantCulture)}, as of {AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The label of a warehouse's latest load, or what to say when its run log is empty.</summary>
    public static string LabelOf(WarehouseLoad? load) => load?.Label ?? "Warehouse load unknown (meta.etl_run holds no run)";
}

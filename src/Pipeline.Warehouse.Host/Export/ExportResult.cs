namespace Pipeline.Warehouse.Host.Export;

/// <summary>What an export wrote: the folder, the load it holds and its manifest.</summary>
public sealed record ExportResult(string Folder, ExportManifest Manifest, TimeSpan Elapsed);

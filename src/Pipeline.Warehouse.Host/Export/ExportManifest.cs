using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Warehouse.Host.Export;

/// <summary>
/// DIR/manifest.json: which load of the warehouse the export holds, and per table its columns
/// (the DuckDB type in the warehouse, the type written, the Parquet physical and logical types),
/// row count, partitioning and files. Nothing in it depends on the clock, so exporting the same
/// warehouse twice writes the same manifest.
/// </summary>
public sealed record ExportManifest(
    string Format,
    int FormatVersion,
    string Warehouse,
    int LoadId,
    string AsOf,
    string Writer,
    string Compression,
    IReadOnlyList<ManifestTable> Tables)
{
    public const string FileName = "manifest.json";

    /// <summary>The value of <c>format</c>: how a folder is recognised as an export this command may replace.</summary>
    public const string FormatName = "pipeline-warehouse-parquet-export";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    /// <summary>True when <paramref name="folder"/> holds a manifest this command wrote (so the folder may be replaced whole).</summary>
    public static bool IsExport(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
            return false;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format", out var format)
                && format.ValueKind == JsonValueKind.String
                && format.GetString() == FormatName;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

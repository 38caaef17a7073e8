using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Saves a workbook so that the same rows give the same bytes, whenever they are written: a report
/// for a night is byte-identical whether written that night or rebuilt ten nights later (README
/// "Nights the warehouse remembers"). ClosedXML and System.IO.Packaging put the clock and random
/// identifiers into a package: the created and modified times, the core-properties part's name,
/// the package relationships' ids, the data bars' GUIDs, and each zip entry's time. Here those
/// become the report's as-of instant and identifiers numbered in order of appearance; the cells,
/// styles and sheets are ClosedXML's bytes, untouched.
/// </summary>
public static partial class StableWorkbook
{
    private const string CoreProperties = "package/services/metadata/core-properties/core.psmdcp";

    /// <summary>Saves <paramref name="workbook"/> into <paramref name="output"/>, dated <paramref name="instant"/> (UTC).</summary>
    public static void Save(XLWorkbook workbook, Stream output, DateTime instant)
    {
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        saved.Position = 0;
        Normalize(saved, output, instant);
    }

    /// <summary>Copies the package in <paramref name="input"/> to <paramref name="output"/> with its clock and random parts made stable.</summary>
    public static void Normalize(Stream input, Stream output, DateTime instant)
    {
        using var source = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
        var parts = source.Entries.Select(entry => (Name: entry.FullName, Bytes: Read(entry))).ToList();

        // Each random identifier found becomes the next number of its kind, the same wherever it recurs.
        var relationships = new Dictionary<string, string>(StringComparer.Ordinal);
        var guids = new Dictionary<string, string>(StringComparer.Ordinal);
        static string Stable(Dictionary<string, string> seen, string found, Func<int, string> make)
        {
            if (!seen.TryGetValue(found, out var stable))
                seen[found] = stable = make(seen.Count + 1);
            return stable;
        }

        var stamp = instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var zipTime = new DateTimeOffset(DateTime.SpecifyKind(instant, DateTimeKind.Unspecified), TimeSpan.Zero);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, bytes) in parts)
        {
            var isCoreProperties = name.EndsWith(".psmdcp", StringComparison.Ordinal);
            var content = bytes;
            if (IsXml(name))
            {
                var text = Encoding.UTF8.GetString(bytes);
                text = PsmdcpName().Replace(text, "/" + CoreProperties);
                text = RelationshipId().Replace(text, m => $"\"{Stable(relationships, m.Groups[1].Value, n => $"Rstable{n}")}\"");
                text = DataBarId().Replace(text, m => m.Groups[1].Value + Stable(guids, m.Groups[2].Value, n => $"{{00000000-0000-4000-8000-{n:x12}}}") + m.Groups[3].Value);
                foreach (var (guid, stable) in guids)
                    text = text.Replace(guid, stable, StringComparison.Ordinal);
                if (isCoreProperties)
                    text = PropertyTime().Replace(text, m => m.Groups[1].Value + stamp + m.Groups[2].Value);
                content = Encoding.UTF8.GetBytes(text);
            }
            var entry = target.CreateEntry(isCoreProperties ? CoreProperties : name, CompressionLevel.Optimal);
            entry.LastWriteTime = zipTime;
            using var stream = entry.Open();
            stream.Write(content);
        }
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool IsXml(string name) => name.EndsWith(".xml", StringComparison.Ordinal) || name.EndsWith(".rels", StringComparison.Ordinal) || name.EndsWith(".psmdcp", StringComparison.Ordinal);

    /// <summary>The random name System.IO.Packaging gives the core-properties part.</summary>
    [GeneratedRegex(@"/package/services/metadata/core-properties/[0-9a-f]{32}\.psmdcp")]
    private static partial Regex PsmdcpName();

    /// <summary>A relationship id System.IO.Packaging makes up ("R" and 16 hex digits).</summary>
    [GeneratedRegex("\"(R[0-9a-f]{16})\"")]
    private static partial Regex RelationshipId();

    /// <summary>The id ClosedXML gives a data bar (Guid.NewGuid), written in the x14 extension and its rule.</summary>
    [GeneratedRegex(@"(<x14:id>)(\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\})(</x14:id>)")]
    private static partial Regex DataBarId();

    [GeneratedRegex(@"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")]
    private static partial Regex PropertyTime();
}

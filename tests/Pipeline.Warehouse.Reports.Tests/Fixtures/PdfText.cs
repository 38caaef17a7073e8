using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Pipeline.Warehouse.Reports.Tests.Fixtures;

/// <summary>The text of a PDF's pages as PdfPig extracts it, whitespace collapsed to single spaces.</summary>
public static partial class PdfText
{
    public static List<string> Pages(string path)
    {
        using var document = PdfDocument.Open(path);
        return document.GetPages().Select(page => Collapse(ContentOrderTextExtractor.GetText(page))).ToList();
    }

    /// <summary>The font names used by the letters of every page.</summary>
    public static HashSet<string> FontNames(string path)
    {
        using var document = PdfDocument.Open(path);
        return document.GetPages().SelectMany(page => page.Letters).Select(letter => letter.FontName ?? "").ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>How many raster images each page holds (charts must be vectors: none).</summary>
    public static List<int> ImageCounts(string path)
    {
        using var document = PdfDocument.Open(path);
        return document.GetPages().Select(page => page.GetImages().Count()).ToList();
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

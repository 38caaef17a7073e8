using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>One cell of a table row: its text and, optionally, a fill colour and a text style.</summary>
internal sealed record TableCell(string Text, SKColor? Fill = null, TextStyle? Style = null)
{
    public static implicit operator TableCell(string text) => new(text);
}

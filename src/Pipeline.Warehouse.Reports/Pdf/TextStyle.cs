using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>A font, its size and colour; <see cref="LineHeight"/> is the distance between baselines.</summary>
internal sealed record TextStyle(SKFont Font, SKColor Color)
{
    public float Size => Font.Size;

    public float LineHeight => Font.Size * 1.3f;

    /// <summary>From the top of a line to its baseline.</summary>
    public float Ascent => Font.Size * 1.0f;

    public TextStyle WithColor(SKColor color) => this with { Color = color };

    public float Width(string text) => Font.MeasureText(text);
}

using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>A tag (e.g. a severity) in a fixed-width gutter, then wrapped text beside it.</summary>
internal sealed class BulletElement(string tag, TextStyle tagStyle, string text, TextStyle style, float gutter = 58) : IElement
{
    public float Measure(float width) => Math.Max(1, TextFit.Wrap(text, style, width - gutter).Count) * style.LineHeight + 3;

    public void Draw(SKCanvas canvas, SKRect area)
    {
        using var ink = new SKPaint { IsAntialias = true, Color = tagStyle.Color };
        canvas.DrawText(TextFit.Ellipsize(tag, tagStyle, gutter - 6), area.Left, area.Top + style.Ascent, SKTextAlign.Left, tagStyle.Font, ink);
        ink.Color = style.Color;
        var y = area.Top;
        foreach (var line in TextFit.Wrap(text, style, area.Width - gutter))
        {
            canvas.DrawText(line, area.Left + gutter, y + style.Ascent, SKTextAlign.Left, style.Font, ink);
            y += style.LineHeight;
        }
    }
}

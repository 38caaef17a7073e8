using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>A paragraph: wrapped to the width, at most <paramref name="maxLines"/> lines (the last cut with an ellipsis).</summary>
internal sealed class TextElement(string text, TextStyle style, int maxLines = int.MaxValue, float spaceAfter = 4) : IElement
{
    public float Measure(float width) => TextFit.Wrap(text, style, width, maxLines).Count * style.LineHeight + spaceAfter;

    public void Draw(SKCanvas canvas, SKRect area)
    {
        using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
        var y = area.Top;
        foreach (var line in TextFit.Wrap(text, style, area.Width, maxLines))
        {
            canvas.DrawText(line, area.Left, y + style.Ascent, SKTextAlign.Left, style.Font, paint);
            y += style.LineHeight;
        }
    }
}

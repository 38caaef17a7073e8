using ScottPlot;
using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>
/// A ScottPlot chart drawn straight onto the page canvas (vectors and real text in the PDF, no
/// bitmap), with a title above it, at a fixed height.
/// </summary>
internal sealed class ChartElement(string title, Plot plot, float height) : IElement
{
    public float Measure(float width) => Typography.BodyBold.LineHeight + height + 6;

    public void Draw(SKCanvas canvas, SKRect area)
    {
        using var paint = new SKPaint { Color = Typography.BodyBold.Color, IsAntialias = true };
        var titleText = TextFit.Ellipsize(title, Typography.BodyBold, area.Width);
        canvas.DrawText(titleText, area.Left, area.Top + Typography.BodyBold.Ascent, SKTextAlign.Left, Typography.BodyBold.Font, paint);
        var top = area.Top + Typography.BodyBold.LineHeight;
        var rect = new SKRect(area.Left, top, area.Right, top + height);
        var pixels = new PixelRect(rect.Left, rect.Right, rect.Bottom, rect.Top);
        // ScottPlot draws a chart a second time when its first render settles the axis limits; a
        // first render on a canvas that draws nothing keeps every line and label once in the PDF.
        using (var warmUp = new SKNoDrawCanvas((int)Math.Ceiling(rect.Right), (int)Math.Ceiling(rect.Bottom)))
            plot.Render(warmUp, pixels);
        canvas.Save();
        canvas.ClipRect(rect);
        plot.Render(canvas, pixels);
        canvas.Restore();
    }
}

using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>Elements side by side in equal columns with a gap; as tall as the tallest.</summary>
internal sealed class ColumnsElement(float gap, params IElement[] children) : IElement
{
    public float Measure(float width) => children.Max(child => child.Measure(ColumnWidth(width)));

    public void Draw(SKCanvas canvas, SKRect area)
    {
        var width = ColumnWidth(area.Width);
        for (var i = 0; i < children.Length; i++)
        {
            var left = area.Left + i * (width + gap);
            var child = new SKRect(left, area.Top, left + width, area.Top + children[i].Measure(width));
            canvas.Save();
            canvas.ClipRect(child);
            children[i].Draw(canvas, child);
            canvas.Restore();
        }
    }

    private float ColumnWidth(float width) => (width - gap * (children.Length - 1)) / children.Length;
}

using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>
/// A piece of a page (QuestPDF's contract): it measures the height it needs at a given width,
/// then draws itself in the area it was given, never outside it.
/// </summary>
internal interface IElement
{
    float Measure(float width);

    void Draw(SKCanvas canvas, SKRect area);
}

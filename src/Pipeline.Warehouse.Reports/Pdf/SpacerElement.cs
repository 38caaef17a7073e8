using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>Empty vertical space.</summary>
internal sealed class SpacerElement(float height) : IElement
{
    public float Measure(float width) => height;

    public void Draw(SKCanvas canvas, SKRect area)
    {
    }
}

using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>Headline figures as a row of tiles (wrapping to more rows when there are many): label, value, change.</summary>
internal sealed class KpiTilesElement(IReadOnlyList<KpiTile> tiles, int perRow = 6) : IElement
{
    private const float Gap = 8;
    private const float Padding = 6;
    private static readonly SKColor TileFill = new(0xF3, 0xF6, 0xFA);

    private static float TileHeight => 2 * Padding + Typography.KpiLabel.LineHeight + Typography.KpiValue.LineHeight + 2 * Typography.KpiChange.LineHeight;

    public float Measure(float width) => Rows * (TileHeight + Gap);

    private int Rows => (tiles.Count + perRow - 1) / perRow;

    public void Draw(SKCanvas canvas, SKRect area)
    {
        var width = (area.Width - Gap * (perRow - 1)) / perRow;
        using var fill = new SKPaint { Color = TileFill };
        using var ink = new SKPaint { IsAntialias = true };
        for (var i = 0; i < tiles.Count; i++)
        {
            var tile = tiles[i];
            var left = area.Left + i % perRow * (width + Gap);
            var top = area.Top + i / perRow * (TileHeight + Gap);
            canvas.DrawRoundRect(new SKRect(left, top, left + width, top + TileHeight), 3, 3, fill);
            var x = left + Padding;
            var inner = width - 2 * Padding;
            var y = top + Padding;
            Line(canvas, ink, tile.Label, Typography.KpiLabel, x, ref y, inner);
            Line(canvas, ink, tile.Value, Typography.KpiValue, x, ref y, inner);
            var changeStyle = tile.IsBetter switch
            {
                true => Typography.KpiChange.WithColor(Typography.Better),
                false => Typography.KpiChange.WithColor(Typography.Worse),
                null => Typography.KpiChange,
            };
            foreach (var line in TextFit.Wrap(tile.Change, changeStyle, inner, maxLines: 2))
                Line(canvas, ink, line, changeStyle, x, ref y, inner);
        }
    }

    private static void Line(SKCanvas canvas, SKPaint ink, string text, TextStyle style, float x, ref float y, float width)
    {
        ink.Color = style.Color;
        canvas.DrawText(TextFit.Ellipsize(text, style, width), x, y + style.Ascent, SKTextAlign.Left, style.Font, ink);
        y += style.LineHeight;
    }
}

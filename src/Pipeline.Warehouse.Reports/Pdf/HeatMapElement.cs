using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>
/// A grid of rates (rows x columns) as coloured cells with the figure written in each, drawn as
/// vectors and text; white (low) to blue (high) over the range of the values shown.
/// </summary>
internal sealed class HeatMapElement(string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, Func<string, string, (double? Rate, long Count)> value) : IElement
{
    private const float CellHeight = 18;
    private const float LabelWidth = 90;

    public float Measure(float width) => Typography.BodyBold.LineHeight + (rows.Count + 1) * CellHeight + 6;

    public void Draw(SKCanvas canvas, SKRect area)
    {
        using var ink = new SKPaint { IsAntialias = true, Color = Typography.BodyBold.Color };
        canvas.DrawText(TextFit.Ellipsize(title, Typography.BodyBold, area.Width), area.Left, area.Top + Typography.BodyBold.Ascent, SKTextAlign.Left, Typography.BodyBold.Font, ink);
        var top = area.Top + Typography.BodyBold.LineHeight;
        var cellWidth = columns.Count == 0 ? 0 : (area.Width - LabelWidth) / columns.Count;
        var rates = rows.SelectMany(row => columns.Select(column => value(row, column).Rate)).OfType<double>().ToList();
        var (low, high) = rates.Count == 0 ? (0.0, 1.0) : (rates.Min(), rates.Max());
        var header = Typography.TableHeader;
        var cell = Typography.TableCell;
        ink.Color = header.Color;
        for (var c = 0; c < columns.Count; c++)
            canvas.DrawText(TextFit.Ellipsize(columns[c], header, cellWidth - 4), area.Left + LabelWidth + (c + 0.5f) * cellWidth, top + 5 + header.Ascent, SKTextAlign.Center, header.Font, ink);
        using var fill = new SKPaint();
        using var rule = new SKPaint { Color = SKColors.White, StrokeWidth = 1, IsStroke = true };
        for (var r = 0; r < rows.Count; r++)
        {
            var y = top + (r + 1) * CellHeight;
            ink.Color = header.Color;
            canvas.DrawText(TextFit.Ellipsize(rows[r], header, LabelWidth - 4), area.Left, y + 5 + header.Ascent, SKTextAlign.Left, header.Font, ink);
            for (var c = 0; c < columns.Count; c++)
            {
                var (rate, count) = value(rows[r], columns[c]);
                var rect = new SKRect(area.Left + LabelWidth + c * cellWidth, y, area.Left + LabelWidth + (c + 1) * cellWidth, y + CellHeight);
                var share = rate is { } known && high > low ? (float)((known - low) / (high - low)) : 0.5f;
                fill.Color = rate is null ? new SKColor(0xEE, 0xEE, 0xEE) : Blend(share);
                canvas.DrawRect(rect, fill);
                canvas.DrawRect(rect, rule);
                ink.Color = share > 0.6f && rate is not null ? SKColors.White : cell.Color;
                var text = rate is { } shown ? $"{HealthFormat.Percent(shown)} of {HealthFormat.Count(count)}" : "no closes";
                canvas.DrawText(TextFit.Ellipsize(text, cell, cellWidth - 4), rect.MidX, y + 5 + cell.Ascent, SKTextAlign.Center, cell.Font, ink);
            }
        }
    }

    private static SKColor Blend(float share)
    {
        byte Mix(byte from, byte to) => (byte)(from + (to - from) * share);
        return new SKColor(Mix(0xF7, 0x1F), Mix(0xFB, 0x4E), Mix(0xFF, 0x79));
    }
}

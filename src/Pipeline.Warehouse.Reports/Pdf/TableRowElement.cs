using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>
/// One row of a table, each cell on one line and cut with an ellipsis when too wide, so a row
/// never overflows its column. Header rows are bold on a tinted background.
/// </summary>
internal sealed class TableRowElement(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableCell> cells, bool isHeader = false) : IElement
{
    private const float Padding = 3;
    private static readonly SKColor HeaderFill = new(0xDD, 0xEB, 0xF7);
    private static readonly SKColor Rule = new(0xD0, 0xD0, 0xD0);

    private TextStyle Style => isHeader ? Typography.TableHeader : Typography.TableCell;

    public static TableRowElement Header(IReadOnlyList<TableColumn> columns) =>
        new(columns, columns.Select(column => new TableCell(column.Header)).ToList(), isHeader: true);

    public float Measure(float width) => Style.LineHeight + 2 * Padding;

    public void Draw(SKCanvas canvas, SKRect area)
    {
        var total = columns.Sum(column => column.Weight);
        var x = area.Left;
        using var fill = new SKPaint { IsAntialias = false };
        using var rule = new SKPaint { Color = Rule, StrokeWidth = 0.5f, IsStroke = true };
        using var ink = new SKPaint { IsAntialias = true };
        for (var i = 0; i < columns.Count; i++)
        {
            var width = area.Width * columns[i].Weight / total;
            var cell = i < cells.Count ? cells[i] : new TableCell("");
            var background = isHeader ? HeaderFill : cell.Fill;
            if (background is { } colour)
            {
                fill.Color = colour;
                canvas.DrawRect(new SKRect(x, area.Top, x + width, area.Bottom), fill);
            }
            var style = cell.Style ?? Style;
            var text = TextFit.Ellipsize(cell.Text, style, width - 2 * Padding);
            ink.Color = style.Color;
            var baseline = area.Top + Padding + style.Ascent;
            if (columns[i].AlignRight)
                canvas.DrawText(text, x + width - Padding, baseline, SKTextAlign.Right, style.Font, ink);
            else
                canvas.DrawText(text, x + Padding, baseline, SKTextAlign.Left, style.Font, ink);
            x += width;
        }
        canvas.DrawLine(area.Left, area.Bottom, area.Right, area.Bottom, rule);
    }
}

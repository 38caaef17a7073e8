using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>A small table kept whole (a header row and its rows as one element), so that two can stand side by side in a <see cref="ColumnsElement"/>.</summary>
internal sealed class TableElement(IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<TableCell>> rows) : IElement
{
    private IEnumerable<TableRowElement> Rows => rows.Select(cells => new TableRowElement(columns, cells)).Prepend(TableRowElement.Header(columns));

    public float Measure(float width) => Rows.Sum(row => row.Measure(width));

    public void Draw(SKCanvas canvas, SKRect area)
    {
        var top = area.Top;
        foreach (var row in Rows)
        {
            var height = row.Measure(area.Width);
            row.Draw(canvas, new SKRect(area.Left, top, area.Right, top + height));
            top += height;
        }
    }
}

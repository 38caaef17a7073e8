using System.Globalization;
using ClosedXML.Excel;
using FluentAssertions;

namespace Pipeline.Warehouse.Reports.Tests.Fixtures;

/// <summary>Reading a written workbook as its reader would: rows found by their label, cells against a mart's value.</summary>
public static class SheetRead
{
    /// <summary>The first row at or after <paramref name="from"/> whose column A reads <paramref name="label"/>.</summary>
    public static int Row(IXLWorksheet sheet, string label, int from = 1) =>
        sheet.Column(1).CellsUsed().First(cell => cell.Address.RowNumber >= from && cell.GetString() == label).Address.RowNumber;

    /// <summary>Every text of column A (titles, labels, notes).</summary>
    public static List<string> ColumnA(IXLWorksheet sheet) => sheet.Column(1).CellsUsed().Select(cell => cell.GetString()).ToList();

    /// <summary>Every cell's text in the workbook.</summary>
    public static IEnumerable<(string Sheet, IXLCell Cell)> Cells(XLWorkbook workbook) =>
        workbook.Worksheets.SelectMany(sheet => sheet.CellsUsed().Select(cell => (sheet.Name, cell)));

    /// <summary>A cell shows the mart's value: "-" for NULL, else the number.</summary>
    public static void ShouldShow(this IXLCell cell, object? value, string because)
    {
        if (value is null)
        {
            cell.GetString().Should().Be("-", because);
            return;
        }
        cell.GetDouble().Should().BeApproximately(Convert.ToDouble(value, CultureInfo.InvariantCulture), 1e-9, because);
    }
}

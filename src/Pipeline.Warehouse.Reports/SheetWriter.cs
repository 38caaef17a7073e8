using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Writes one worksheet: typed cells with number formats, untrusted text always as a literal
/// string, column widths measured from what was written (no AdjustToContents: it needs GDI+),
/// and the print setup. A missing figure is shown as "-".
/// </summary>
internal sealed class SheetWriter(IXLWorksheet sheet, string currencySymbol)
{
    private const int MaxCellText = 32_000;
    private readonly Dictionary<int, int> _widths = [];

    public IXLWorksheet Sheet => sheet;

    /// <summary>Row 1: what and who; row 2: the period and the as-of date; row 3 of a workbook's first sheet: the warehouse load it shows. Tables start at row 4.</summary>
    public void Title(string title, string subtitle)
    {
        var cell = Text(1, 1, title, measure: false);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 14;
        var sub = Text(2, 1, subtitle, measure: false);
        sub.Style.Font.Italic = true;
        sub.Style.Font.FontColor = XLColor.FromHtml(Formats.NoteColour);
    }

    public void Header(int row, int column, params string[] labels)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            var cell = Text(row, column + i, labels[i]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml(Formats.HeaderFill);
            cell.Style.Alignment.WrapText = true;
            cell.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
        }
    }

    /// <summary>
    /// Text as a string cell, never a formula: a value such as "=HYPERLINK(...)" stays literal (and
    /// gets a quote prefix so that editing the cell keeps it text). Control characters XML cannot
    /// hold are dropped.
    /// </summary>
    public IXLCell Text(int row, int column, string? value, bool measure = true)
    {
        var text = Clean(value ?? string.Empty);
        var cell = sheet.Cell(row, column);
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
            cell.Style.IncludeQuotePrefix = true;
        if (measure)
            Measure(column, text.Length);
        return cell;
    }

    public IXLCell Number(int row, int column, double? value, string format)
    {
        if (value is not { } number || double.IsNaN(number) || double.IsInfinity(number))
            return Missing(row, column);
        var cell = sheet.Cell(row, column);
        cell.SetValue(number);
        cell.Style.NumberFormat.Format = format == Formats.Currency ? Formats.CurrencyFormat(currencySymbol, Formats.IsWhole(number)) : format;
        Measure(column, Display(number, format));
        return cell;
    }

    public IXLCell Number(int row, int column, decimal? value, string format) =>
        value is { } number ? Number(row, column, (double)number, format) : Missing(row, column);

    public IXLCell Number(int row, int column, long value, string format) => Number(row, column, (double)value, format);

    public IXLCell Date(int row, int column, DateOnly? value, string format = Formats.Date)
    {
        if (value is not { } date)
            return Missing(row, column);
        var cell = sheet.Cell(row, column);
        cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
        cell.Style.NumberFormat.Format = format;
        Measure(column, 11);
        return cell;
    }

    public IXLCell Missing(int row, int column)
    {
        var cell = Text(row, column, "-");
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        return cell;
    }

    /// <summary>An explanatory line in grey italics (not measured: it may run across columns).</summary>
    public IXLCell Note(int row, string text)
    {
        var cell = Text(row, 1, text, measure: false);
        cell.Style.Font.Italic = true;
        cell.Style.Font.FontColor = XLColor.FromHtml(Formats.NoteColour);
        return cell;
    }

    /// <summary>
    /// A long explanatory paragraph: merged over columns 1 to <paramref name="lastColumn"/> and
    /// wrapped, with a row height for about <paramref name="charactersPerLine"/> characters a line,
    /// so that it neither runs off the page nor widens the printout.
    /// </summary>
    public IXLCell Paragraph(int row, string text, int lastColumn, int charactersPerLine = 150)
    {
        var cell = Note(row, text);
        sheet.Range(row, 1, row, lastColumn).Merge();
        cell.Style.Alignment.WrapText = true;
        cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Row(row).Height = 15 * Math.Max(1, (int)Math.Ceiling(text.Length / (double)charactersPerLine));
        return cell;
    }

    /// <summary>A section heading inside a sheet.</summary>
    public void Section(int row, string text)
    {
        var cell = Text(row, 1, text, measure: false);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 12;
    }

    /// <summary>A data table: autofilter over header and rows, header frozen and printed on every page.</summary>
    public void Table(int headerRow, int lastRow, int columns)
    {
        sheet.Range(headerRow, 1, Math.Max(lastRow, headerRow), columns).SetAutoFilter();
        sheet.SheetView.FreezeRows(headerRow);
        sheet.PageSetup.SetRowsToRepeatAtTop(headerRow, headerRow);
    }

    /// <summary>Column widths from the longest value written, landscape, fit to one page wide.</summary>
    public void Finish()
    {
        foreach (var (column, length) in _widths)
            sheet.Column(column).Width = Math.Clamp(length + 2, 8, 60);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.Margins.Left = 0.4;
        sheet.PageSetup.Margins.Right = 0.4;
    }

    private void Measure(int column, int length)
    {
        _widths.TryGetValue(column, out var current);
        _widths[column] = Math.Max(current, Math.Min(length, 60));
    }

    private int Display(double number, string format) => format switch
    {
        Formats.Percent => 7,
        Formats.Days => number.ToString("N1", CultureInfo.InvariantCulture).Length + 2,
        Formats.Currency => currencySymbol.Length + number.ToString(Formats.IsWhole(number) ? "N0" : "N2", CultureInfo.InvariantCulture).Length,
        _ => number.ToString("N0", CultureInfo.InvariantCulture).Length,
    };

    private static string Clean(string value)
    {
        if (value.Length > MaxCellText)
            value = value[..MaxCellText];
        if (!value.Any(c => char.IsControl(c) && c is not '\t' and not '\n' and not '\r'))
            return value;
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r'))
            builder.Append(c);
        return builder.ToString();
    }
}

namespace Pipeline.Warehouse.Reports;

/// <summary>Excel number formats and colours shared by every workbook.</summary>
internal static class Formats
{
    /// <summary>
    /// Amounts in the reporting currency (the warehouse holds one currency): a marker that
    /// <see cref="SheetWriter"/> turns into <see cref="CurrencyFormat"/> with the currency's symbol.
    /// </summary>
    public const string Currency = "currency";
    public const string Count = "#,##0";
    public const string Percent = "0.0%";
    public const string Days = "#,##0.0\" d\"";
    public const string Date = "yyyy-mm-dd";
    public const string Month = "mmm yyyy";
    public const string Score = "0.00";

    /// <summary>
    /// The Excel number format of an amount: the currency symbol (marts.report_context), thousands
    /// separators, and cents only when the amount has them: "$"#,##0 shows $1,234,567, "$"#,##0.00 $1,234.50.
    /// </summary>
    public static string CurrencyFormat(string symbol, bool whole)
    {
        var quoted = "\"" + symbol.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"";
        return quoted + (whole ? "#,##0" : "#,##0.00");
    }

    /// <summary>True when an amount rounded to cents has none.</summary>
    public static bool IsWhole(double amount) => Math.Round(amount, 2) == Math.Round(amount, 0);

    public const string HeaderFill = "#DDEBF7";
    public const string FlagFill = "#FCE4D6";
    public const string StalledFill = "#FFF2CC";
    public const string OverdueFill = "#F8CBAD";
    public const string Better = "#2E7D32";
    public const string Worse = "#C62828";
    public const string NoteColour = "#595959";
}

namespace Pipeline.Warehouse.Reports;

/// <summary>Excel number formats and colours shared by every workbook.</summary>
internal static class Formats
{
    /// <summary>Amounts in the reporting currency (the warehouse holds one currency).</summary>
    public const string Currency = "#,##0.00";
    public const string Count = "#,##0";
    public const string Percent = "0.0%";
    public const string Days = "#,##0.0\" d\"";
    public const string Date = "yyyy-mm-dd";
    public const string Month = "mmm yyyy";
    public const string Score = "0.00";

    public const string HeaderFill = "#DDEBF7";
    public const string FlagFill = "#FCE4D6";
    public const string StalledFill = "#FFF2CC";
    public const string OverdueFill = "#F8CBAD";
    public const string Better = "#2E7D32";
    public const string Worse = "#C62828";
    public const string NoteColour = "#595959";
}

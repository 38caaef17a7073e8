namespace Pipeline.Warehouse.Demo;

/// <summary>
/// A decided deal (<see cref="ExportQuirks"/>) as a night's export gives it: its history entries
/// before the night's T, and its columns (stage, amount, expected close date, loss reason, forecast
/// category) as they stood at T. Reused for every deal and night.
/// </summary>
internal sealed class DealCut(int idWidth)
{
    private readonly DealBuffer deal = new();
    private readonly ExportedDeal exported = new(idWidth);

    /// <param name="whole">The deal with its whole timeline and export quirks.</param>
    /// <param name="count">Entries before T, at least 1 (the deal exists).</param>
    /// <param name="night">The export date, which the forecast category is set as of.</param>
    public ExportedDeal At(ExportedDeal whole, int count, DateOnly night)
    {
        deal.CopyFrom(whole.Deal, count);
        Array.Copy(whole.Copies, exported.Copies, count);
        int historyCount = whole.HistoryCount == 0 ? 0 : count;
        exported.Set(whole.Number, deal, whole.Size, whole.Employees, whole.Usd, historyCount, ForecastCategories.Of(deal, whole.Number, night));
        return exported;
    }
}

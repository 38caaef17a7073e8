namespace Pipeline.Warehouse.Demo;

/// <summary>How the export writes a deal's company size.</summary>
internal enum SizeForm
{
    /// <summary>The size class label (smb, mid_market, enterprise).</summary>
    Label,

    /// <summary>The account's employee count.</summary>
    Employees,

    /// <summary>Nothing: the CRM field is empty.</summary>
    Missing,
}

/// <summary>
/// A deal with the export quirks decided by <see cref="DealFileWriter"/>: everything a dialect's
/// formatter needs, so formatters never draw from <see cref="DemoRandom"/>. Reused for every deal.
/// </summary>
internal sealed class ExportedDeal
{
    public ExportedDeal(int idWidth)
    {
        IdWidth = idWidth;
        Id = new byte[idWidth + 1];
    }

    /// <summary>Digits of the deal number in <see cref="Id"/>.</summary>
    public int IdWidth { get; }

    /// <summary>deal_id: D and the zero-padded deal number (D0000001).</summary>
    public byte[] Id { get; }

    public long Number { get; private set; }

    public DealBuffer Deal { get; private set; } = null!;

    public SizeForm Size { get; private set; }

    /// <summary>
    /// The employee count the company size stands for, -1 when it is <see cref="SizeForm.Missing"/>:
    /// the account's count, clamped into its size class (the same class the label names).
    /// </summary>
    public int Employees { get; private set; }

    /// <summary>The currency is written explicitly (USD) rather than left empty.</summary>
    public bool Usd { get; private set; }

    /// <summary>The forecast category the rep has set (<see cref="ForecastCategories"/>).</summary>
    public int ForecastCategory { get; private set; }

    /// <summary>History entries exported: 0 when the CRM lost the deal's history, else <see cref="DealBuffer.Count"/>.</summary>
    public int HistoryCount { get; private set; }

    /// <summary>Times each history entry is written: 1, or 2 for a CRM double save.</summary>
    public byte[] Copies { get; } = new byte[DealBuffer.Capacity];

    public void Set(long number, DealBuffer deal, SizeForm size, int employees, bool usd, int historyCount, int forecastCategory)
    {
        Number = number;
        ForecastCategory = forecastCategory;
        Deal = deal;
        Size = size;
        Employees = employees;
        Usd = usd;
        HistoryCount = historyCount;
        long rest = number;
        Id[0] = (byte)'D';
        for (int i = IdWidth; i >= 1; i--)
        {
            Id[i] = (byte)('0' + (rest % 10));
            rest /= 10;
        }
    }
}

/// <summary>
/// Writes decided deals in one dialect's files and columns. Deals arrive one at a time and are
/// written straight away; small lookup tables (accounts, companies) are written on dispose.
/// </summary>
internal abstract class DealFormat : IDisposable
{
    public abstract void Write(ExportedDeal deal);

    /// <summary>The loss reason of a lost deal, or nothing.</summary>
    protected static void AppendLossReason(CsvSink row, DealBuffer deal, ExportFields fields)
    {
        if (deal.LossReason >= 0)
        {
            row.Append(fields.LossReasons[deal.LossReason]);
        }
    }

    /// <summary>The amount (empty when missing), a comma, and the currency (USD or empty): the same two fields in every dialect.</summary>
    protected static void AppendAmountAndCurrency(CsvSink row, ExportedDeal exported, ExportFields fields)
    {
        if (!exported.Deal.AmountMissing)
        {
            row.AppendAmount(exported.Deal.Amount);
        }

        row.Comma();
        if (exported.Usd)
        {
            row.Append(fields.Usd);
        }
    }

    public abstract void Dispose();
}

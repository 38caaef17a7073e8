namespace Pipeline.Warehouse.Demo;

/// <summary>
/// Decides each deal's export quirks (<see cref="ExportQuirks"/>) and hands the decided deal to a
/// dialect's <see cref="DealFormat"/>.
/// </summary>
internal sealed class DealFileWriter : IDisposable
{
    private readonly ExportQuirks quirks;
    private readonly DealFormat format;
    private readonly ExportedDeal exported;
    private readonly DateOnly asOf;

    /// <param name="format">Owned: disposed with the writer.</param>
    /// <param name="asOf">The export date, which the forecast categories are set as of.</param>
    public DealFileWriter(DemoRandom random, AccountBook accounts, DealFormat format, int dealCount, DateOnly asOf)
    {
        quirks = new ExportQuirks(random, accounts);
        this.asOf = asOf;
        this.format = format;
        exported = new ExportedDeal(IdWidth(dealCount));
    }

    /// <summary>History rows written so far, double saves included (rows of stage_history.csv in the canonical dialect).</summary>
    public long HistoryRows { get; private set; }

    /// <summary>Digits of deal numbers: at least 7 (D0000001), more when the deal count needs them.</summary>
    public static int IdWidth(int dealCount) => Math.Max(7, dealCount.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);

    public void Write(long number, DealBuffer deal)
    {
        HistoryRows += quirks.Decide(number, deal, exported, asOf);
        format.Write(exported);
    }

    public void Dispose() => format.Dispose();
}

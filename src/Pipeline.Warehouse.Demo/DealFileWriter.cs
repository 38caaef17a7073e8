namespace Pipeline.Warehouse.Demo;

/// <summary>
/// Decides each deal's export quirks (company size as a label, an employee count or missing; an
/// explicit USD currency; CRM double saves, a history row written twice) and its forecast category
/// (<see cref="ForecastCategories"/>, no draw) and hands the decided
/// deal to a dialect's <see cref="DealFormat"/>. Every dialect goes through here, so every dialect
/// draws the same numbers in the same order and the simulator produces the same deals.
/// </summary>
internal sealed class DealFileWriter : IDisposable
{
    private const double EmployeeCountShare = 0.10;
    private const double SizeMissingShare = 0.01;
    private const double UsdShare = 0.06;
    private const double DoubleSaveShare = 0.003;

    private readonly DemoRandom random;
    private readonly AccountBook accounts;
    private readonly DealFormat format;
    private readonly ExportedDeal exported;
    private readonly DateOnly asOf;

    /// <param name="format">Owned: disposed with the writer.</param>
    /// <param name="asOf">The export date, which the forecast categories are set as of.</param>
    public DealFileWriter(DemoRandom random, AccountBook accounts, DealFormat format, int dealCount, DateOnly asOf)
    {
        this.random = random;
        this.asOf = asOf;
        this.accounts = accounts;
        this.format = format;
        exported = new ExportedDeal(IdWidth(dealCount));
    }

    /// <summary>History rows written so far, double saves included (rows of stage_history.csv in the canonical dialect).</summary>
    public long HistoryRows { get; private set; }

    /// <summary>Digits of deal numbers: at least 7 (D0000001), more when the deal count needs them.</summary>
    public static int IdWidth(int dealCount) => Math.Max(7, dealCount.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);

    public void Write(long number, DealBuffer deal)
    {
        // The draws, in the order the canonical writer has always made them: size form, currency, then one per history entry.
        double draw = random.NextDouble();
        SizeForm size = draw >= SizeMissingShare + EmployeeCountShare ? SizeForm.Label
            : draw >= SizeMissingShare ? SizeForm.Employees
            : SizeForm.Missing;
        bool usd = random.Chance(UsdShare);
        int historyCount = deal.WithoutHistory ? 0 : deal.Count;
        for (int i = 0; i < historyCount; i++)
        {
            byte copies = random.Chance(DoubleSaveShare) ? (byte)2 : (byte)1;
            exported.Copies[i] = copies;
            HistoryRows += copies;
        }

        int employees = size switch
        {
            SizeForm.Label => CompanySize.EmployeesInClass(deal.SizeClass, accounts.Employees[deal.Account]),
            SizeForm.Employees => accounts.Employees[deal.Account],
            _ => -1,
        };
        // Decided from the deal's final state, without a draw: the random stream stays as it was.
        int forecastCategory = ForecastCategories.Of(deal, number, asOf);
        exported.Set(number, deal, size, employees, usd, historyCount, forecastCategory);
        format.Write(exported);
    }

    public void Dispose() => format.Dispose();
}

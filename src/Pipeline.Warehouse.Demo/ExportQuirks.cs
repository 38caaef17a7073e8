namespace Pipeline.Warehouse.Demo;

/// <summary>
/// Decides each deal's export quirks (company size as a label, an employee count or missing; an
/// explicit USD currency; CRM double saves, a history row written twice) and its forecast category
/// (<see cref="ForecastCategories"/>, no draw). Every export goes through here, so every dialect
/// draws the same numbers in the same order and the simulator produces the same deals.
/// </summary>
internal sealed class ExportQuirks(DemoRandom random, AccountBook accounts)
{
    private const double EmployeeCountShare = 0.10;
    private const double SizeMissingShare = 0.01;
    private const double UsdShare = 0.06;
    private const double DoubleSaveShare = 0.003;

    /// <summary>Sets <paramref name="exported"/> to deal <paramref name="number"/> with its quirks decided, as exported on <paramref name="asOf"/>.</summary>
    /// <returns>The history rows the deal writes, double saves included.</returns>
    public int Decide(long number, DealBuffer deal, ExportedDeal exported, DateOnly asOf)
    {
        // The draws, in the order the canonical writer has always made them: size form, currency, then one per history entry.
        double draw = random.NextDouble();
        SizeForm size = draw >= SizeMissingShare + EmployeeCountShare ? SizeForm.Label
            : draw >= SizeMissingShare ? SizeForm.Employees
            : SizeForm.Missing;
        bool usd = random.Chance(UsdShare);
        int historyCount = deal.WithoutHistory ? 0 : deal.Count;
        int historyRows = 0;
        for (int i = 0; i < historyCount; i++)
        {
            byte copies = random.Chance(DoubleSaveShare) ? (byte)2 : (byte)1;
            exported.Copies[i] = copies;
            historyRows += copies;
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
        return historyRows;
    }
}

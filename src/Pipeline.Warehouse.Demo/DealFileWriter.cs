namespace Pipeline.Warehouse.Demo;

/// <summary>
/// Writes deals.csv and stage_history.csv side by side: each deal's row, then its history rows,
/// from pre-encoded fields. Also decides the export quirks: company size as an employee count or
/// missing, an explicit USD currency, and CRM double saves (a history row written twice).
/// </summary>
internal sealed class DealFileWriter : IDisposable
{
    public static readonly string[] DealColumns =
    [
        "deal_id", "deal_name", "rep_id", "account_name", "region", "product", "company_size", "lead_type",
        "amount", "currency", "created_at", "expected_close_date", "stage", "loss_reason",
    ];

    public static readonly string[] HistoryColumns = ["deal_id", "stage", "entered_at", "rep_id", "amount", "expected_close_date"];

    private const int MaxDealRow = 1024;
    private const int MaxHistoryRow = 256;
    private const double EmployeeCountShare = 0.10;
    private const double SizeMissingShare = 0.01;
    private const double UsdShare = 0.06;
    private const double DoubleSaveShare = 0.003;

    private readonly CsvSink deals;
    private readonly CsvSink history;
    private readonly DemoRandom random;
    private readonly AccountBook accounts;
    private readonly int idWidth;
    private readonly byte[][] repIds;
    private readonly byte[][] regions;
    private readonly byte[][] products = CsvText.Fields([.. DemoProduct.All.Select(p => p.Name)]);
    private readonly byte[][] sizes = CsvText.Fields([.. CompanySize.All.Select(s => s.Label)]);
    private readonly byte[][] leadTypes = CsvText.Fields([.. LeadTypeProfile.All.Select(l => l.Label)]);
    private readonly byte[][] stages = CsvText.Fields(StageLabels.Names);
    private readonly byte[][] lossReasons = CsvText.Fields(LossReasons.Names);
    private readonly byte[] usd = CsvText.Field("USD");
    private readonly byte[] dealId;

    public DealFileWriter(string directory, DemoRandom random, DemoRoster roster, AccountBook accounts, int dealCount)
    {
        this.random = random;
        this.accounts = accounts;
        idWidth = Math.Max(7, dealCount.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        dealId = new byte[idWidth + 1];
        repIds = CsvText.Fields([.. roster.Sellers.Select(r => r.RepId)]);
        regions = CsvText.Fields([.. roster.Sellers.Select(r => r.Region)]);
        deals = new CsvSink(Path.Combine(directory, "deals.csv"));
        history = new CsvSink(Path.Combine(directory, "stage_history.csv"));
        deals.Reserve(MaxDealRow);
        deals.Append(CsvText.Line(DealColumns));
        history.Reserve(MaxHistoryRow);
        history.Append(CsvText.Line(HistoryColumns));
    }

    public long HistoryRows { get; private set; }

    public void Write(long number, DealBuffer deal)
    {
        FormatId(number);
        WriteDeal(deal);
        if (!deal.WithoutHistory)
        {
            WriteHistory(deal);
        }
    }

    public void Dispose()
    {
        deals.Dispose();
        history.Dispose();
    }

    private void FormatId(long number)
    {
        dealId[0] = (byte)'D';
        for (int i = idWidth; i >= 1; i--)
        {
            dealId[i] = (byte)('0' + (number % 10));
            number /= 10;
        }
    }

    private void WriteDeal(DealBuffer deal)
    {
        CsvSink row = deals;
        row.Reserve(MaxDealRow);
        row.Append(dealId);
        row.Comma();
        row.Append(accounts.DealNames[(deal.Account * DemoProduct.All.Length) + deal.Product]);
        row.Comma();
        row.Append(repIds[deal.Seller]);
        row.Comma();
        row.Append(accounts.Names[deal.Account]);
        row.Comma();
        row.Append(regions[deal.Seller]);
        row.Comma();
        row.Append(products[deal.Product]);
        row.Comma();
        double size = random.NextDouble();
        if (size >= SizeMissingShare + EmployeeCountShare)
        {
            row.Append(sizes[deal.SizeClass]);
        }
        else if (size >= SizeMissingShare)
        {
            row.AppendInteger(accounts.Employees[deal.Account]);
        }

        row.Comma();
        row.Append(leadTypes[deal.LeadType]);
        row.Comma();
        if (!deal.AmountMissing)
        {
            row.AppendAmount(deal.Amount);
        }

        row.Comma();
        if (random.Chance(UsdShare))
        {
            row.Append(usd);
        }

        row.Comma();
        row.AppendTimestamp(deal.Created);
        row.Comma();
        row.AppendDate(deal.ExpectedClose);
        row.Comma();
        row.Append(stages[deal.CurrentLabel]);
        row.Comma();
        if (deal.LossReason >= 0)
        {
            row.Append(lossReasons[deal.LossReason]);
        }

        row.EndRow();
    }

    private void WriteHistory(DealBuffer deal)
    {
        CsvSink row = history;
        byte[] repId = repIds[deal.Seller];
        for (int i = 0; i < deal.Count; i++)
        {
            int copies = random.Chance(DoubleSaveShare) ? 2 : 1;
            for (int copy = 0; copy < copies; copy++)
            {
                row.Reserve(MaxHistoryRow);
                row.Append(dealId);
                row.Comma();
                row.Append(stages[deal.Labels[i]]);
                row.Comma();
                row.AppendTimestamp(deal.EnteredAt[i]);
                row.Comma();
                row.Append(repId);
                row.Comma();
                if (deal.Amounts[i] >= 0)
                {
                    row.AppendAmount(deal.Amounts[i]);
                }

                row.Comma();
                row.AppendDate(deal.CloseDates[i]);
                row.EndRow();
            }

            HistoryRows += copies;
        }
    }
}

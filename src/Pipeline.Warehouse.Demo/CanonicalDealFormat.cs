namespace Pipeline.Warehouse.Demo;

/// <summary>
/// The canonical dialect: deals.csv and stage_history.csv side by side, each deal's row then its
/// history rows; or deals.csv alone, as a CRM that exports no stage history gives it.
/// </summary>
internal sealed class CanonicalDealFormat : DealFormat
{
    public static readonly string[] DealColumns =
    [
        "deal_id", "deal_name", "rep_id", "account_name", "region", "product", "company_size", "lead_type",
        "amount", "currency", "created_at", "expected_close_date", "stage", "loss_reason", "forecast_category",
    ];

    public static readonly string[] HistoryColumns = ["deal_id", "stage", "entered_at", "rep_id", "amount", "expected_close_date"];

    private const int MaxDealRow = 1024;
    private const int MaxHistoryRow = 256;

    private readonly CsvSink deals;
    private readonly CsvSink? history;
    private readonly AccountBook accounts;
    private readonly ExportFields fields;

    /// <param name="withHistory">Write stage_history.csv (else no such file is written).</param>
    /// <param name="bufferSize">Bytes buffered per file before a write.</param>
    public CanonicalDealFormat(string directory, DemoRoster roster, AccountBook accounts, bool withHistory = true, int bufferSize = 1 << 20)
    {
        this.accounts = accounts;
        fields = new ExportFields(roster);
        deals = new CsvSink(Path.Combine(directory, "deals.csv"), bufferSize);
        deals.Reserve(MaxDealRow);
        deals.Append(CsvText.Line(DealColumns));
        if (withHistory)
        {
            history = new CsvSink(Path.Combine(directory, "stage_history.csv"), bufferSize);
            history.Reserve(MaxHistoryRow);
            history.Append(CsvText.Line(HistoryColumns));
        }
    }

    public override void Write(ExportedDeal exported)
    {
        DealBuffer deal = exported.Deal;
        CsvSink row = deals;
        row.Reserve(MaxDealRow);
        row.Append(exported.Id);
        row.Comma();
        row.Append(accounts.DealNames[(deal.Account * DemoProduct.All.Length) + deal.Product]);
        row.Comma();
        row.Append(fields.RepIds[deal.Seller]);
        row.Comma();
        row.Append(accounts.Names[deal.Account]);
        row.Comma();
        row.Append(fields.Regions[deal.Seller]);
        row.Comma();
        row.Append(fields.Products[deal.Product]);
        row.Comma();
        if (exported.Size == SizeForm.Label)
        {
            row.Append(fields.Sizes[deal.SizeClass]);
        }
        else if (exported.Size == SizeForm.Employees)
        {
            row.AppendInteger(exported.Employees);
        }

        row.Comma();
        row.Append(fields.LeadTypes[deal.LeadType]);
        row.Comma();
        AppendAmountAndCurrency(row, exported, fields);

        row.Comma();
        row.AppendTimestamp(deal.Created);
        row.Comma();
        row.AppendDate(deal.ExpectedClose);
        row.Comma();
        row.Append(fields.Stages[deal.CurrentLabel]);
        row.Comma();
        AppendLossReason(row, deal, fields);
        row.Comma();
        row.Append(fields.CanonicalForecastCategories[exported.ForecastCategory]);

        row.EndRow();
        if (history is not null)
        {
            WriteHistory(exported, history);
        }
    }

    public override void Dispose()
    {
        deals.Dispose();
        history?.Dispose();
    }

    private void WriteHistory(ExportedDeal exported, CsvSink row)
    {
        DealBuffer deal = exported.Deal;
        byte[] repId = fields.RepIds[deal.Seller];
        for (int i = 0; i < exported.HistoryCount; i++)
        {
            for (int copy = 0; copy < exported.Copies[i]; copy++)
            {
                row.Reserve(MaxHistoryRow);
                row.Append(exported.Id);
                row.Comma();
                row.Append(fields.Stages[deal.Labels[i]]);
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
        }
    }
}

namespace Pipeline.Warehouse.Demo;

/// <summary>
/// The Salesforce dialect: Opportunity.csv, OpportunityHistory.csv and OpportunityLineItem.csv
/// streamed side by side, Product2.csv up front and Account.csv (the accounts the opportunities
/// reference) at the end. Booleans true/false, timestamps yyyy-MM-ddTHH:mm:ss.000+0000 in UTC.
/// </summary>
internal sealed class SalesforceDealFormat : DealFormat
{
    public static readonly string[] OpportunityColumns =
    [
        "Id", "IsDeleted", "AccountId", "Name", "StageName", "Amount", "CurrencyIsoCode", "CloseDate", "CreatedDate",
        "LeadSource", "OwnerId", "Loss_Reason__c", "IsClosed", "IsWon", "Probability", "ForecastCategoryName",
    ];

    public static readonly string[] HistoryColumns = ["Id", "OpportunityId", "CreatedDate", "StageName", "Amount", "CloseDate", "Probability", "IsDeleted"];

    public static readonly string[] LineItemColumns = ["Id", "OpportunityId", "Product2Id", "Quantity", "TotalPrice", "IsDeleted"];

    public static readonly string[] AccountColumns = ["Id", "IsDeleted", "Name", "BillingCountry", "NumberOfEmployees", "Industry"];

    public static readonly string[] ProductColumns = ["Id", "Name", "Family", "IsActive"];

    /// <summary>Probability (%) of each canonical stage order 1..8, won (9) and lost (10); index 0 unused.</summary>
    private static readonly int[] ProbabilityByOrder = [0, 10, 15, 20, 30, 40, 50, 70, 90, 100, 0];

    private const int MaxOpportunityRow = 1024;
    private const int MaxHistoryRow = 256;
    private const int MaxLineItemRow = 128;

    private readonly string directory;
    private readonly CsvSink opportunities;
    private readonly CsvSink history;
    private readonly CsvSink lineItems;
    private readonly AccountBook accounts;
    private readonly ExportFields fields;
    private readonly CompanyKeys accountKeys = new("A");
    private readonly byte[][] productIds;
    private readonly byte[] lineItemId;
    private long historyNumber;

    public SalesforceDealFormat(string directory, DemoRoster roster, AccountBook accounts, int idWidth)
    {
        this.directory = directory;
        this.accounts = accounts;
        fields = new ExportFields(roster);
        lineItemId = new byte[idWidth + 1];
        productIds = CsvText.Fields([.. DemoProduct.All.Select((_, p) => ProductId(p))]);
        WriteProducts(Path.Combine(directory, "Product2.csv"));
        opportunities = new CsvSink(Path.Combine(directory, "Opportunity.csv"));
        history = new CsvSink(Path.Combine(directory, "OpportunityHistory.csv"));
        lineItems = new CsvSink(Path.Combine(directory, "OpportunityLineItem.csv"));
        opportunities.Reserve(MaxOpportunityRow);
        opportunities.Append(CsvText.Line(OpportunityColumns));
        history.Reserve(MaxHistoryRow);
        history.Append(CsvText.Line(HistoryColumns));
        lineItems.Reserve(MaxLineItemRow);
        lineItems.Append(CsvText.Line(LineItemColumns));
    }

    /// <summary>Probability (%) a deal in the stage labelled <paramref name="label"/> has: by its canonical stage, 100 won, 0 lost.</summary>
    public static int Probability(int label) => ProbabilityByOrder[StageLabels.CanonicalOrder[label]];

    public static string ProductId(int product) => "P" + (product + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    public override void Write(ExportedDeal exported)
    {
        DealBuffer deal = exported.Deal;
        byte[] accountId = accountKeys.Id(deal.Account, fields.RegionIndex[deal.Seller], exported.Employees);
        int current = deal.CurrentLabel;
        CsvSink row = opportunities;
        row.Reserve(MaxOpportunityRow);
        row.Append(exported.Id);
        row.Comma();
        row.Append(ExportFields.False);
        row.Comma();
        row.Append(accountId);
        row.Comma();
        row.Append(accounts.DealNames[(deal.Account * DemoProduct.All.Length) + deal.Product]);
        row.Comma();
        row.Append(fields.Stages[current]);
        row.Comma();
        AppendAmountAndCurrency(row, exported, fields);

        row.Comma();
        row.AppendDate(deal.ExpectedClose);
        row.Comma();
        AppendTimestamp(row, deal.Created);
        row.Comma();
        row.Append(fields.LeadTypes[deal.LeadType]);
        row.Comma();
        row.Append(fields.RepIds[deal.Seller]);
        row.Comma();
        AppendLossReason(row, deal, fields);

        row.Comma();
        row.Append(ExportFields.Boolean(current is StageLabels.ClosedWon or StageLabels.ClosedLost));
        row.Comma();
        row.Append(ExportFields.Boolean(current == StageLabels.ClosedWon));
        row.Comma();
        row.AppendInteger(Probability(current));
        row.Comma();
        row.Append(fields.SalesforceForecastCategories[exported.ForecastCategory]);
        row.EndRow();
        WriteLineItem(exported);
        WriteHistory(exported);
    }

    public override void Dispose()
    {
        opportunities.Dispose();
        history.Dispose();
        lineItems.Dispose();
        accountKeys.WriteRows(Path.Combine(directory, "Account.csv"), AccountColumns, accounts, fields, afterId: ExportFields.False);
    }

    /// <summary>A Salesforce API timestamp in UTC: 2026-03-01T09:05:07.000+0000.</summary>
    private static void AppendTimestamp(CsvSink row, long seconds)
    {
        row.AppendDateTime(seconds, (byte)'T');
        row.Append(".000+0000"u8);
    }

    private static void WriteProducts(string path)
    {
        using var file = new CsvSink(path, bufferSize: 1 << 16);
        file.Append(CsvText.Line(ProductColumns));
        for (int p = 0; p < DemoProduct.All.Length; p++)
        {
            file.Reserve(1024);
            file.Append(CsvText.Line(ProductId(p), DemoProduct.All[p].Name, DemoProduct.All[p].Name, "true"));
        }
    }

    /// <summary>One line item per opportunity, for its product: Id L and the deal number (L0000001).</summary>
    private void WriteLineItem(ExportedDeal exported)
    {
        DealBuffer deal = exported.Deal;
        exported.Id.CopyTo(lineItemId, 0);
        lineItemId[0] = (byte)'L';
        CsvSink row = lineItems;
        row.Reserve(MaxLineItemRow);
        row.Append(lineItemId);
        row.Comma();
        row.Append(exported.Id);
        row.Comma();
        row.Append(productIds[deal.Product]);
        row.Comma();
        row.Append((byte)'1');
        row.Comma();
        row.AppendAmount(deal.AmountMissing ? 0 : deal.Amount);
        row.Comma();
        row.Append(ExportFields.False);
        row.EndRow();
    }

    /// <summary>One row per canonical stage_history row, in the same order, double saves included, each with its own Id H and a running number.</summary>
    private void WriteHistory(ExportedDeal exported)
    {
        DealBuffer deal = exported.Deal;
        CsvSink row = history;
        for (int i = 0; i < exported.HistoryCount; i++)
        {
            for (int copy = 0; copy < exported.Copies[i]; copy++)
            {
                historyNumber++;
                row.Reserve(MaxHistoryRow);
                row.Append((byte)'H');
                if (historyNumber < 100_000_000)
                {
                    row.AppendPadded(historyNumber, 8);
                }
                else
                {
                    row.AppendInteger(historyNumber);
                }

                row.Comma();
                row.Append(exported.Id);
                row.Comma();
                AppendTimestamp(row, deal.EnteredAt[i]);
                row.Comma();
                row.Append(fields.Stages[deal.Labels[i]]);
                row.Comma();
                if (deal.Amounts[i] >= 0)
                {
                    row.AppendAmount(deal.Amounts[i]);
                }

                row.Comma();
                row.AppendDate(deal.CloseDates[i]);
                row.Comma();
                row.AppendInteger(Probability(deal.Labels[i]));
                row.Comma();
                row.Append(ExportFields.False);
                row.EndRow();
            }
        }
    }
}

namespace Pipeline.Warehouse.Demo;

/// <summary>
/// The HubSpot dialect: hubspot-crm-exports-all-deals.csv streamed, with the stage history as
/// HubSpot's "Date entered" / "Date exited" columns per stage and pipeline, and
/// hubspot-crm-exports-all-companies.csv (the companies the deals reference) at the end.
/// Timestamps yyyy-MM-dd HH:mm:ss in UTC.
/// </summary>
internal sealed class HubSpotDealFormat : DealFormat
{
    public const string DealsFile = "hubspot-crm-exports-all-deals.csv";
    public const string CompaniesFile = "hubspot-crm-exports-all-companies.csv";
    public const string OwnersFile = "hubspot-owners.csv";

    public static readonly string[] DealColumns =
    [
        "Record ID", "Deal Name", "Pipeline", "Deal Stage", "Amount", "Deal currency code", "Close Date", "Create Date",
        "Deal owner", "Deal Type", "Original Source Type", "Associated Company IDs", "Associated Company", "Closed Lost Reason", "Product",
        "Forecast category",
    ];

    public static readonly string[] CompanyColumns = ["Record ID", "Company name", "Country/Region", "Number of Employees", "Industry"];

    /// <summary>
    /// The two pipelines, one per CRM stage label set (<see cref="DemoTeam.IsLegacy"/>), and the stage labels
    /// each uses, in pipeline order: these give the stage-history columns.
    /// </summary>
    public static readonly (string Name, int[] Labels)[] Pipelines =
    [
        ("Sales Pipeline",
        [
            StageLabels.IdentifyLead, StageLabels.ConnectCallLabel, StageLabels.DiscoveryCallLabel, StageLabels.OpportunityLabel,
            StageLabels.DemoComplete, StageLabels.SecondDemo, StageLabels.InfluencerBuyInLabel, StageLabels.DecisionMakerBuyInLabel,
            StageLabels.NegotiationLabel, StageLabels.ClosedWon, StageLabels.ClosedLost,
        ]),
        ("Legacy Pipeline",
        [
            StageLabels.LeadGenerated, StageLabels.LeadAssigned, StageLabels.MeetingBooked, StageLabels.DemoCompleted,
            StageLabels.QuoteRequested, StageLabels.ProposalPresented, StageLabels.NegotiationLabel, StageLabels.ClosedWon,
            StageLabels.ClosedLost,
        ]),
    ];

    private const int SalesPipeline = 0;
    private const int LegacyPipeline = 1;
    private const int MaxDealRow = 4096;

    private readonly string directory;
    private readonly CsvSink deals;
    private readonly AccountBook accounts;
    private readonly ExportFields fields;
    private readonly CompanyKeys companyKeys = new("C");
    private readonly byte[][] pipelineNames = CsvText.Fields([.. Pipelines.Select(p => p.Name)]);
    private readonly bool[][] usesLabel;
    private readonly byte[] newBusiness = CsvText.Field("New Business");
    private readonly long[] entered = new long[StageLabels.Names.Length];
    private readonly long[] exited = new long[StageLabels.Names.Length];

    public HubSpotDealFormat(string directory, DemoRoster roster, AccountBook accounts)
    {
        this.directory = directory;
        this.accounts = accounts;
        fields = new ExportFields(roster);
        usesLabel = [.. Pipelines.Select(p => Enumerable.Range(0, StageLabels.Names.Length).Select(label => p.Labels.Contains(label)).ToArray())];
        deals = new CsvSink(Path.Combine(directory, DealsFile));
        byte[] header = CsvText.Line([.. DealColumns, .. HistoryColumns()]);
        deals.Reserve(header.Length);
        deals.Append(header);
    }

    /// <summary>
    /// <c>Date entered "Label (Pipeline)"</c> and <c>Date exited "Label (Pipeline)"</c> for every stage label of
    /// every pipeline, in <see cref="Pipelines"/> order (the quotes are part of the header text).
    /// </summary>
    public static IEnumerable<string> HistoryColumns()
    {
        foreach ((string name, int[] labels) in Pipelines)
        {
            foreach (int label in labels)
            {
                string stage = "\"" + StageLabels.Names[label] + " (" + name + ")\"";
                yield return "Date entered " + stage;
                yield return "Date exited " + stage;
            }
        }
    }

    public override void Write(ExportedDeal exported)
    {
        DealBuffer deal = exported.Deal;
        int pipeline = fields.IsLegacy[deal.Seller] ? LegacyPipeline : SalesPipeline;
        byte[] companyId = companyKeys.Id(deal.Account, fields.RegionIndex[deal.Seller], exported.Employees);
        CsvSink row = deals;
        row.Reserve(MaxDealRow);
        row.Append(exported.Id);
        row.Comma();
        row.Append(accounts.DealNames[(deal.Account * DemoProduct.All.Length) + deal.Product]);
        row.Comma();
        row.Append(pipelineNames[pipeline]);
        row.Comma();
        row.Append(fields.Stages[deal.CurrentLabel]);
        row.Comma();
        AppendAmountAndCurrency(row, exported, fields);

        row.Comma();
        row.AppendDate(deal.ExpectedClose);
        row.Comma();
        row.AppendDateTime(deal.Created, (byte)' ');
        row.Comma();
        row.Append(fields.RepNames[deal.Seller]);
        row.Comma();
        row.Append(newBusiness);
        row.Comma();
        row.Append(fields.LeadTypes[deal.LeadType]);
        row.Comma();
        row.Append(companyId);
        row.Comma();
        row.Append(accounts.Names[deal.Account]);
        row.Comma();
        AppendLossReason(row, deal, fields);

        row.Comma();
        row.Append(fields.Products[deal.Product]);
        row.Comma();
        row.Append(fields.HubSpotForecastCategories[exported.ForecastCategory]);
        LastVisits(exported, pipeline);
        for (int p = 0; p < Pipelines.Length; p++)
        {
            foreach (int label in Pipelines[p].Labels)
            {
                row.Comma();
                if (p == pipeline && entered[label] >= 0)
                {
                    row.AppendDateTime(entered[label], (byte)' ');
                }

                row.Comma();
                if (p == pipeline && exited[label] >= 0)
                {
                    row.AppendDateTime(exited[label], (byte)' ');
                }
            }
        }

        row.EndRow();
    }

    public override void Dispose()
    {
        deals.Dispose();
        companyKeys.WriteRows(Path.Combine(directory, CompaniesFile), CompanyColumns, accounts, fields, afterId: null);
    }

    /// <summary>
    /// Per label, the start and end of the deal's last visit to it, -1 when none or not ended: HubSpot
    /// overwrites "Date entered" on re-entry. Consecutive entries with the same label (double saves) are one visit.
    /// </summary>
    private void LastVisits(ExportedDeal exported, int pipeline)
    {
        Array.Fill(entered, -1);
        Array.Fill(exited, -1);
        DealBuffer deal = exported.Deal;
        int count = exported.HistoryCount;
        int i = 0;
        while (i < count)
        {
            int label = deal.Labels[i];
            if (!usesLabel[pipeline][label])
            {
                throw new InvalidOperationException($"Stage \"{StageLabels.Names[label]}\" is not a stage of the HubSpot pipeline \"{Pipelines[pipeline].Name}\".");
            }

            int next = i + 1;
            while (next < count && deal.Labels[next] == label)
            {
                next++;
            }

            entered[label] = deal.EnteredAt[i];
            exited[label] = next < count ? deal.EnteredAt[next] : -1;
            i = next;
        }
    }
}

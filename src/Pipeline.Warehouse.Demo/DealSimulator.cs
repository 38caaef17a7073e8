namespace Pipeline.Warehouse.Demo;

/// <summary>Draws one deal: owner, account, product, segment, lead type, amount, then its timeline.</summary>
internal sealed class DealSimulator
{
    private const double AmountMissingShare = 0.02;
    private const double WithoutHistoryShare = 0.01;
    private static readonly WeightedChoice Products = new([.. DemoProduct.All.Select(p => p.Weight)]);

    private readonly DemoRandom random;
    private readonly DemoCalendar calendar;
    private readonly DemoRoster roster;
    private readonly AccountBook accounts;
    private readonly ConversionModel model = new();
    private readonly TimelineSimulator timeline;

    public DealSimulator(DemoRandom random, DemoCalendar calendar, DemoRoster roster, AccountBook accounts)
    {
        this.random = random;
        this.calendar = calendar;
        this.roster = roster;
        this.accounts = accounts;
        timeline = new TimelineSimulator(random, calendar);
    }

    public void Next(DealBuffer deal)
    {
        deal.Clear();
        deal.Created = calendar.SampleCreated(random);
        deal.Seller = (deal.Created >= calendar.InactiveFrom ? roster.ActiveSeller : roster.AnySeller).Pick(random);
        DemoTeam team = roster.Teams[roster.Sellers[deal.Seller].TeamIndex];
        deal.Account = accounts.Pick(random, team.Segment.Sizes.Pick(random));
        deal.SizeClass = accounts.SizeClass[deal.Account];
        deal.Product = Products.Pick(random);
        deal.LeadType = team.Segment.LeadTypes.Pick(random);

        CompanySize size = CompanySize.All[deal.SizeClass];
        LeadTypeProfile leadType = LeadTypeProfile.All[deal.LeadType];
        double amount = size.BaseAmountCents * DemoProduct.All[deal.Product].AmountFactor * leadType.AmountFactor * random.Skewed();
        deal.Amount = Money.RoundToHundreds(amount);
        deal.AmountMissing = random.Chance(AmountMissingShare);
        double expectedCycle = size.ExpectedCycleDays * leadType.Speed * (0.7 + (0.6 * random.NextDouble()));
        deal.ExpectedClose = (int)(deal.Created / DemoCalendar.Day) + (int)expectedCycle;
        deal.WithoutHistory = random.Chance(WithoutHistoryShare);

        SalesPipeline pipeline = team.IsLegacy ? SalesPipeline.Legacy : SalesPipeline.Modern;
        timeline.Run(
            deal,
            pipeline,
            model.For(pipeline, deal.LeadType),
            size.Speed,
            isEmea: team.Region == DemoTeam.Emea,
            isWeakRep: deal.Seller == roster.WeakSeller);
    }
}

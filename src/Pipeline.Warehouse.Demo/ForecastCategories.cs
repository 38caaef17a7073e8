namespace Pipeline.Warehouse.Demo;

/// <summary>
/// The forecast category a rep has set on a deal when the CRM is exported, decided from the deal's
/// final state and never drawn from <see cref="DemoRandom"/> (so every other generated value stays
/// what it was): closed won is Closed and closed lost Omitted; an open deal at decision-maker buy-in
/// or negotiation expected to close in the current quarter (the current month included) is Commit,
/// one due later or long overdue Best Case; demo and influencer buy-in are Best Case; earlier
/// stages Pipeline. Real reps' judgement adds noise, taken from a hash of the deal number: 6% of
/// open deals are called one category higher (happy ears), 8% one lower (sandbagging), 3% are
/// parked as Omitted.
/// </summary>
internal static class ForecastCategories
{
    public const int Pipeline = 0;
    public const int BestCase = 1;
    public const int Commit = 2;
    public const int Closed = 3;
    public const int Omitted = 4;

    /// <summary>The canonical deals.csv values, by category.</summary>
    public static readonly string[] Canonical = ["pipeline", "best_case", "commit", "closed", "omitted"];

    /// <summary>Salesforce's ForecastCategoryName labels, by category.</summary>
    public static readonly string[] Salesforce = ["Pipeline", "Best Case", "Commit", "Closed", "Omitted"];

    /// <summary>HubSpot's export labels of hs_manual_forecast_category (PIPELINE, BEST_CASE, COMMIT, CLOSED, OMIT), by category.</summary>
    public static readonly string[] HubSpot = ["Pipeline", "Best case", "Commit", "Closed won", "Not forecasted"];

    private const int HappyEarsPercent = 6;
    private const int SandbagPercent = 8;
    private const int ParkedPercent = 3;

    /// <summary>The category of <paramref name="deal"/> (number <paramref name="number"/>) as exported on <paramref name="asOf"/>.</summary>
    public static int Of(DealBuffer deal, long number, DateOnly asOf)
    {
        int current = deal.CurrentLabel;
        if (current == StageLabels.ClosedWon)
        {
            return Closed;
        }

        if (current == StageLabels.ClosedLost)
        {
            return Omitted;
        }

        var quarterStart = new DateOnly(asOf.Year, ((asOf.Month - 1) / 3 * 3) + 1, 1);
        int quarterEnd = quarterStart.AddMonths(3).DayNumber - 1;
        int order = StageLabels.CanonicalOrder[current];
        int category = order switch
        {
            >= StageLabels.DecisionMakerBuyIn when deal.ExpectedClose >= quarterStart.DayNumber && deal.ExpectedClose <= quarterEnd => Commit,
            >= StageLabels.Demo => BestCase,
            _ => Pipeline,
        };
        int noise = (int)(Mix((ulong)number) % 100);
        return noise switch
        {
            < HappyEarsPercent => Math.Min(category + 1, Commit),
            < HappyEarsPercent + SandbagPercent => Math.Max(category - 1, Pipeline),
            < HappyEarsPercent + SandbagPercent + ParkedPercent => Omitted,
            _ => category,
        };
    }

    /// <summary>SplitMix64's finalizer: a well-spread hash of the deal number, independent of the seed's stream.</summary>
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}

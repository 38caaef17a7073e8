namespace Pipeline.Warehouse.Demo;

/// <summary>
/// Deals deleted in the CRM (duplicates, junk leads, test records), on working days: a deal open at
/// the end of a night is gone from the next weekday's export with a chance of 1 in 2,000, so a
/// pipeline of 1,000 open deals loses one every other working day.
/// </summary>
internal sealed class DealDeletions(DemoRandom random, NightPlan plan)
{
    private const double PerOpenDealNight = 0.0005;

    /// <summary>The first night <paramref name="deal"/> is absent from, or <see cref="NightPlan.Count"/> when it is never deleted.</summary>
    public int FirstNightAbsent(DealBuffer deal)
    {
        int openNights = 0;
        for (int night = 1; night < plan.Count; night++)
        {
            openNights += CanDelete(deal, night) ? 1 : 0;
        }

        if (openNights == 0 || !random.Chance(PerOpenDealNight * openNights))
        {
            return plan.Count;
        }

        int chosen = random.NextInt(openNights);
        for (int night = 1; ; night++)
        {
            if (CanDelete(deal, night) && chosen-- == 0)
            {
                return night;
            }
        }
    }

    /// <summary>Whether the deal can be gone from <paramref name="night"/>'s export: a weekday, and the deal open at the previous night's T.</summary>
    private bool CanDelete(DealBuffer deal, int night)
    {
        if (plan.Date(night).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        int count = deal.CountBefore(plan.End(night - 1));
        return count > 0 && !StageLabels.IsClosed(deal.Labels[count - 1]);
    }
}

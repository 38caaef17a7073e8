namespace Pipeline.Warehouse.Demo;

/// <summary>
/// What reps change on an open deal between its stage changes, each recorded by the CRM as a history
/// row at the deal's current stage carrying the new values: the expected close date pushed 1 to 6
/// weeks later (a skewed wait of median 40 days between pushes) and, once the deal has an amount,
/// the amount re-priced by 5-25%, more often down than up (median 70 days). The simulator's own
/// changes stay: an amount change it makes scales the re-priced amount by the same ratio, and a close
/// date it sets on an open stage applies unless a push has already moved the date later.
/// </summary>
internal sealed class DealRevisions(DemoRandom random, DemoCalendar calendar)
{
    private const double PushMedianDays = 40;
    private const double RepriceMedianDays = 70;
    private const double RepriceUpShare = 0.4;
    private const long MinimumGap = 30 * 60;

    private DealBuffer revised = null!;
    private long amount;
    private int close;
    private int lossReason;

    /// <summary>Writes <paramref name="deal"/>'s timeline with its revisions into <paramref name="target"/>.</summary>
    public void Apply(DealBuffer deal, DealBuffer target)
    {
        revised = target;
        revised.StartFrom(deal);
        amount = deal.AmountsAfter[0];
        close = deal.CloseDates[0];
        long nextPush = After(deal.Created, PushMedianDays);
        long nextReprice = After(deal.Created, RepriceMedianDays);
        for (int i = 0; i < deal.Count; i++)
        {
            int label = deal.Labels[i];
            bool closed = StageLabels.IsClosed(label);
            if (i > 0 && deal.AmountsAfter[i] != deal.AmountsAfter[i - 1])
            {
                amount = amount == deal.AmountsAfter[i - 1]
                    ? deal.AmountsAfter[i]
                    : Money.RoundToHundreds(amount * (double)deal.AmountsAfter[i] / deal.AmountsAfter[i - 1]);
            }

            close = closed ? deal.CloseDates[i] : Math.Max(close, deal.CloseDates[i]);
            lossReason = deal.LossReasonsAfter[i];
            bool amountShown = deal.Amounts[i] >= 0;
            Add(label, deal.EnteredAt[i], amountShown);

            if (closed && i == deal.Count - 1)
            {
                return;
            }

            long until = i + 1 < deal.Count ? deal.EnteredAt[i + 1] : calendar.End;
            int room = DealBuffer.Capacity - (deal.Count - i - 1);
            while (Math.Min(nextPush, nextReprice) < until)
            {
                bool push = nextPush <= nextReprice;
                long at = push ? nextPush : nextReprice;
                bool applies = !closed && at > revised.EnteredAt[revised.Count - 1] && revised.Count < room;
                if (push)
                {
                    if (applies)
                    {
                        close = Math.Max(close, (int)(at / DemoCalendar.Day)) + random.NextInt(7, 43);
                        Add(label, at, amountShown);
                    }

                    nextPush = After(at, PushMedianDays);
                }
                else
                {
                    if (applies && amountShown && Reprice())
                    {
                        Add(label, at, amountShown);
                    }

                    nextReprice = After(at, RepriceMedianDays);
                }
            }
        }
    }

    /// <summary>A new amount, different from the current one after rounding; false when it rounds to the same.</summary>
    private bool Reprice()
    {
        double change = 0.05 + (0.2 * random.NextDouble());
        long repriced = Money.RoundToHundreds(amount * (random.Chance(RepriceUpShare) ? 1 + change : 1 - change));
        if (repriced == amount)
        {
            return false;
        }

        amount = repriced;
        return true;
    }

    private void Add(int label, long at, bool amountShown)
    {
        revised.Amount = amount;
        revised.ExpectedClose = close;
        revised.LossReason = lossReason;
        revised.Add(label, at, amountShown ? amount : -1, close);
    }

    /// <summary>The next change after a skewed wait with the given median, in office hours.</summary>
    private long After(long time, double medianDays)
    {
        long wait = Math.Max(MinimumGap, (long)(medianDays * random.Skewed() * DemoCalendar.Day));
        return calendar.ToOfficeHours(time + wait, random);
    }
}

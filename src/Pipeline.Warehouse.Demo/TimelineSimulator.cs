namespace Pipeline.Warehouse.Demo;

/// <summary>
/// Walks a deal through its pipeline from creation until it is won, lost or still open at T,
/// with the irregularities real CRMs show (skipped steps, slips back one stage, second demos,
/// reopened losses) and the two planted signals (EMEA discovery calls in the latest complete
/// month, the weak rep's demos in the last six months).
/// </summary>
internal sealed class TimelineSimulator(DemoRandom random, DemoCalendar calendar)
{
    private const double SkipShare = 0.125;
    private const double RegressShare = 0.17;
    private const double SecondDemoShare = 0.15;
    private const double ReopenShare = 0.05;
    private const double SignalFactor = 0.5;
    private const long MinimumGap = 30 * 60;

    private DealBuffer deal = null!;
    private bool amountKnown;
    private long time;

    public void Run(DealBuffer target, SalesPipeline pipeline, StepModel steps, double speed, bool isEmea, bool isWeakRep)
    {
        deal = target;
        amountKnown = false;
        time = deal.Created;
        long end = calendar.End;
        int skipFrom = random.Chance(SkipShare) ? pipeline.SkipFrom[random.NextInt(pipeline.SkipFrom.Length)] : -1;
        int regressAt = random.Chance(RegressShare) ? pipeline.RegressAt[random.NextInt(pipeline.RegressAt.Length)] : -1;
        bool secondDemo = !pipeline.IsLegacy && random.Chance(SecondDemoShare);
        int step = 0;
        Enter(pipeline, step, time);
        if (pipeline.IsLegacy && !TryAdd(StageLabels.LeadAssigned, After(0.5 * speed)))
        {
            return;
        }

        while (true)
        {
            int stage = pipeline.Stages[step];
            if (secondDemo && stage == StageLabels.Demo)
            {
                secondDemo = false;
                if (!TryAdd(StageLabels.SecondDemo, After(4 * speed)))
                {
                    return;
                }
            }

            bool last = step == pipeline.LastStep;
            long next = After(steps.MedianDays[step] * speed);
            if (last)
            {
                next = PullIntoQuarter(next);
            }

            if (next >= end)
            {
                return;
            }

            double advance = steps.Advance[step];
            if (stage == StageLabels.DiscoveryCall && isEmea && next >= calendar.LatestMonthStart && next < calendar.LatestMonthEnd)
            {
                advance *= SignalFactor;
            }

            if (stage == StageLabels.Demo && isWeakRep && next >= calendar.WeakRepFrom)
            {
                advance *= SignalFactor;
            }

            if (!random.Chance(advance))
            {
                Lose(next, stage, speed);
                return;
            }

            if (last)
            {
                Win(next);
                return;
            }

            if (step == regressAt)
            {
                regressAt = -1;
                Enter(pipeline, step - 1, next);
                if (!TryEnter(pipeline, step, After(steps.MedianDays[step - 1] * speed * 0.5)))
                {
                    return;
                }

                continue;
            }

            int to = step == skipFrom && step + 2 <= pipeline.LastStep ? step + 2 : step + 1;
            Enter(pipeline, to, next);
            step = to;
        }
    }

    private void Lose(long at, int stage, double speed)
    {
        // The reason is known when the loss is recorded (closing draws nothing, so the order keeps the stream).
        deal.LossReason = (stage <= StageLabels.Opportunity ? LossReasons.Early : LossReasons.Late).Pick(random);
        Close(StageLabels.ClosedLost, at);
        if (stage < StageLabels.InfluencerBuyIn || !random.Chance(ReopenShare))
        {
            return;
        }

        // Reopened: the buyer comes back to the table, then it is won or lost for good.
        long reopened = After(25 * speed);
        if (reopened >= calendar.End)
        {
            return;
        }

        deal.LossReason = -1;
        deal.ExpectedClose = (int)(reopened / DemoCalendar.Day) + random.NextInt(20, 60);
        Add(StageLabels.NegotiationLabel, reopened);
        long final = After(15 * speed);
        if (final >= calendar.End)
        {
            return;
        }

        if (random.Chance(0.5))
        {
            Win(final);
        }
        else
        {
            deal.LossReason = LossReasons.Late.Pick(random);
            Close(StageLabels.ClosedLost, final);
        }
    }

    private void Win(long at)
    {
        if (random.Chance(0.3))
        {
            deal.Amount = Money.RoundToHundreds(deal.Amount * (0.9 + (0.1 * random.NextDouble())));
        }

        Close(StageLabels.ClosedWon, at);
    }

    private void Close(int label, long at)
    {
        deal.ExpectedClose = (int)(at / DemoCalendar.Day);
        Add(label, at);
    }

    private bool TryEnter(SalesPipeline pipeline, int step, long at)
    {
        if (at >= calendar.End)
        {
            return false;
        }

        Enter(pipeline, step, at);
        return true;
    }

    private void Enter(SalesPipeline pipeline, int step, long at)
    {
        int stage = pipeline.Stages[step];
        if (!amountKnown && stage >= StageLabels.Opportunity)
        {
            amountKnown = true;
        }

        if (stage == StageLabels.Negotiation && random.Chance(0.5))
        {
            deal.Amount = Money.RoundToHundreds(deal.Amount * (0.85 + (0.25 * random.NextDouble())));
        }

        Add(pipeline.Labels[step], at);
    }

    private bool TryAdd(int label, long at)
    {
        if (at >= calendar.End)
        {
            return false;
        }

        Add(label, at);
        return true;
    }

    private void Add(int label, long at)
    {
        int day = (int)(at / DemoCalendar.Day);
        if (day > deal.ExpectedClose)
        {
            deal.ExpectedClose = day + random.NextInt(14, 61);
        }

        deal.Add(label, at, amountKnown && !deal.AmountMissing ? deal.Amount : -1, deal.ExpectedClose);
        time = at;
    }

    /// <summary>The next event after a skewed wait with the given median, in office hours.</summary>
    private long After(double medianDays)
    {
        long wait = Math.Max(MinimumGap, (long)(medianDays * random.Skewed() * DemoCalendar.Day));
        return calendar.ToOfficeHours(time + wait, random);
    }

    /// <summary>Closing decisions just after a quarter starts are often pulled into its last days.</summary>
    private long PullIntoQuarter(long next)
    {
        int quarterEnd = DemoCalendar.PreviousQuarterEnd(next, 12);
        if (quarterEnd < 0 || !random.Chance(0.45))
        {
            return next;
        }

        long pulled = ((quarterEnd - random.NextInt(3)) * DemoCalendar.Day) + (9 * DemoCalendar.Hour) + random.NextInt(9 * (int)DemoCalendar.Hour);
        return pulled > time ? pulled : next;
    }
}

namespace Pipeline.Warehouse.Demo;

/// <summary>
/// One deal and its stage history, reused for every deal so the hot loop allocates nothing.
/// History amounts are cents, -1 when not known yet; dates are <see cref="DateOnly.DayNumber"/>s.
/// </summary>
internal sealed partial class DealBuffer
{
    /// <summary>Most stage changes a deal can hold.</summary>
    public const int Capacity = 64;

    public int Seller { get; set; }

    public int Account { get; set; }

    public int Product { get; set; }

    public int SizeClass { get; set; }

    public int LeadType { get; set; }

    public long Created { get; set; }

    /// <summary>The amount as exported (the latest), in cents.</summary>
    public long Amount { get; set; }

    public bool AmountMissing { get; set; }

    /// <summary>The expected close date as exported (the latest).</summary>
    public int ExpectedClose { get; set; }

    /// <summary>Index into <see cref="LossReasons.Names"/> while the deal is lost, else -1.</summary>
    public int LossReason { get; set; }

    /// <summary>The CRM export lost this deal's history: no stage_history rows are written.</summary>
    public bool WithoutHistory { get; set; }

    public int Count { get; private set; }

    public int[] Labels { get; } = new int[Capacity];

    public long[] EnteredAt { get; } = new long[Capacity];

    public long[] Amounts { get; } = new long[Capacity];

    public int[] CloseDates { get; } = new int[Capacity];

    /// <summary>The deal's <see cref="Amount"/> right after each entry, known or not (the simulated nights cut the deal there).</summary>
    public long[] AmountsAfter { get; } = new long[Capacity];

    /// <summary>The deal's <see cref="LossReason"/> right after each entry.</summary>
    public int[] LossReasonsAfter { get; } = new int[Capacity];

    /// <summary>The label of the current stage: the last history entry's.</summary>
    public int CurrentLabel => Labels[Count - 1];

    public void Clear()
    {
        Count = 0;
        LossReason = -1;
    }

    public void Add(int label, long enteredAt, long amount, int closeDate)
    {
        if (Count == Capacity)
        {
            throw new InvalidOperationException($"A demo deal got more than {Capacity} stage changes.");
        }

        Labels[Count] = label;
        EnteredAt[Count] = enteredAt;
        Amounts[Count] = amount;
        CloseDates[Count] = closeDate;
        AmountsAfter[Count] = Amount;
        LossReasonsAfter[Count] = LossReason;
        Count++;
    }
}

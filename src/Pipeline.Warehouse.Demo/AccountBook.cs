namespace Pipeline.Warehouse.Demo;

/// <summary>
/// The company names deals are sold to, each with a fixed size class and employee count, and the
/// pre-encoded CSV fields that depend on them (account name, "Account - Product" deal name).
/// Built from a fixed seed: the same accounts for every demo.
/// </summary>
internal sealed class AccountBook
{
    private const double SpecialShare = 0.03;
    private readonly int[][] bySize;
    private readonly int specialStart;

    public AccountBook()
    {
        var random = new DemoRandom(20_240_101);
        var names = new List<string>();
        foreach (string prefix in AccountNames.Prefixes)
        {
            foreach (string suffix in AccountNames.Suffixes)
            {
                names.Add(prefix + " " + suffix);
            }
        }

        specialStart = names.Count;
        names.AddRange(AccountNames.Special);
        SizeClass = new int[names.Count];
        Employees = new int[names.Count];
        var buckets = new List<int>[CompanySize.All.Length];
        for (int s = 0; s < buckets.Length; s++)
        {
            buckets[s] = [];
        }

        for (int i = 0; i < names.Count; i++)
        {
            int size = random.NextInt(CompanySize.All.Length);
            CompanySize range = CompanySize.All[size];
            SizeClass[i] = size;
            Employees[i] = RoundEmployees(range.MinEmployees + (int)((range.MaxEmployees - range.MinEmployees) * random.NextDouble() * random.NextDouble()));
            if (i < specialStart)
            {
                buckets[size].Add(i);
            }
        }

        bySize = [.. buckets.Select(b => b.ToArray())];
        Names = CsvText.Fields(names);
        DealNames = new byte[names.Count * DemoProduct.All.Length][];
        for (int i = 0; i < names.Count; i++)
        {
            for (int p = 0; p < DemoProduct.All.Length; p++)
            {
                DealNames[(i * DemoProduct.All.Length) + p] = CsvText.Field(names[i] + " - " + DemoProduct.All[p].Name);
            }
        }
    }

    /// <summary>account_name, CSV-encoded.</summary>
    public byte[][] Names { get; }

    /// <summary>deal_name by account * products + product, CSV-encoded.</summary>
    public byte[][] DealNames { get; }

    public int[] SizeClass { get; }

    public int[] Employees { get; }

    /// <summary>An account of the wanted size class, or now and then one of the special names (whatever its size).</summary>
    public int Pick(DemoRandom random, int sizeClass)
    {
        if (random.Chance(SpecialShare))
        {
            return specialStart + random.NextInt(Names.Length - specialStart);
        }

        int[] bucket = bySize[sizeClass];
        return bucket[random.NextInt(bucket.Length)];
    }

    /// <summary>Employee counts as people write them: 45, 350, 12000.</summary>
    private static int RoundEmployees(int count) => count switch
    {
        < 100 => count,
        < 1_000 => count / 10 * 10,
        < 10_000 => count / 100 * 100,
        _ => count / 1_000 * 1_000,
    };
}

namespace Pipeline.Warehouse.Demo;

/// <summary>Picks an index with probability proportional to its weight.</summary>
internal sealed class WeightedChoice
{
    private readonly double[] cumulative;
    private readonly double total;

    public WeightedChoice(params double[] weights)
    {
        if (weights.Length == 0)
        {
            throw new ArgumentException("At least one weight is needed.", nameof(weights));
        }

        cumulative = new double[weights.Length];
        double sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        total = sum;
    }

    public int Count => cumulative.Length;

    public int Pick(DemoRandom random)
    {
        double x = random.NextDouble() * total;
        int low = 0;
        int high = cumulative.Length - 1;
        while (low < high)
        {
            int mid = (low + high) >> 1;
            if (cumulative[mid] > x)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }
}

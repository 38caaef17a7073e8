namespace Pipeline.Warehouse.Demo;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a fixed, published algorithm using only integer and
/// IEEE double arithmetic, so a seed gives the same stream on every runtime (System.Random's
/// algorithm is unspecified). Not thread-safe: one instance per generation.
/// </summary>
internal sealed class DemoRandom
{
    // Quantiles of a log-normal distribution with median 1 and sigma 0.75 at u = 0, 1/32, ..., 1
    // (the ends clamped to the 0.1% and 99.9% quantiles): a right-skewed factor for durations and
    // amounts, drawn by linear interpolation, so no transcendental function is ever called.
    private static readonly double[] SkewQuantiles =
    [
        0.0985, 0.2473, 0.3164, 0.3721, 0.4220, 0.4688, 0.5141, 0.5586, 0.6030, 0.6477, 0.6931,
        0.7396, 0.7874, 0.8370, 0.8887, 0.9429, 1.0000, 1.0606, 1.1252, 1.1947, 1.2700, 1.3521,
        1.4428, 1.5440, 1.6584, 1.7902, 1.9452, 2.1329, 2.3697, 2.6872, 3.1601, 4.0433, 10.1520,
    ];

    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public DemoRandom(long seed)
    {
        ulong x = unchecked((ulong)seed);
        s0 = SplitMix64(ref x);
        s1 = SplitMix64(ref x);
        s2 = SplitMix64(ref x);
        s3 = SplitMix64(ref x);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, maxExclusive); maxExclusive must be positive.</summary>
    public int NextInt(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary>Uniform in [minInclusive, maxExclusive).</summary>
    public int NextInt(int minInclusive, int maxExclusive) => minInclusive + NextInt(maxExclusive - minInclusive);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A right-skewed positive factor with median 1 and mean about 1.37.</summary>
    public double Skewed()
    {
        double x = NextDouble() * 32;
        int i = (int)x;
        return SkewQuantiles[i] + ((SkewQuantiles[i + 1] - SkewQuantiles[i]) * (x - i));
    }

    private static ulong SplitMix64(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        ulong z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

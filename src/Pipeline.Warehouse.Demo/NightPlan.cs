using System.Globalization;

namespace Pipeline.Warehouse.Demo;

/// <summary>
/// The nights of a simulated CRM: consecutive dates ending at the as-of date, each with its end
/// instant T (the next day, 00:00 UTC), and the two odd nights: the one delivered twice (a third
/// of the way in) and the one exported without stage history (two thirds of the way in; never the
/// first or the last, so it has full nights on both sides). With 3 nights both are the middle one.
/// </summary>
internal sealed class NightPlan
{
    /// <summary>Fewest nights: a night without history needs a full night before and after it.</summary>
    public const int MinNights = 3;

    public NightPlan(DateOnly lastNight, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, MinNights);
        Count = count;
        First = lastNight.AddDays(1 - count);
        Redelivered = Math.Max(1, count / 3);
        WithoutHistory = Math.Min(count - 2, Math.Max(1, 2 * count / 3));
    }

    public int Count { get; }

    public DateOnly First { get; }

    /// <summary>The night whose export arrives a second time, byte for byte.</summary>
    public int Redelivered { get; }

    /// <summary>The night whose export has no stage_history.csv.</summary>
    public int WithoutHistory { get; }

    public DateOnly Date(int night) => First.AddDays(night);

    /// <summary>The night's T in demo seconds; night -1 is the eve of the first night (its T is the first night's start).</summary>
    public long End(int night) => (First.DayNumber + night + 1L) * DemoCalendar.Day;

    /// <summary>The night's folder name: its date, yyyy-MM-dd.</summary>
    public string Folder(int night) => Date(night).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The folder the re-delivered export arrives in the second time.</summary>
    public string RedeliveredFolder => Folder(Redelivered) + "_redelivered";
}

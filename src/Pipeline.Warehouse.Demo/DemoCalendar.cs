namespace Pipeline.Warehouse.Demo;

/// <summary>
/// The demo's time frame. Instants are whole seconds since 0001-01-01 00:00 UTC
/// (<see cref="DateOnly.DayNumber"/> * 86400 + second of day), so formatting needs no DateTime.
/// </summary>
internal sealed class DemoCalendar
{
    public const long Day = 86_400;
    public const long Hour = 3_600;
    private const int Months = 24;
    private readonly WeightedChoice createdDay;

    public DemoCalendar(DateOnly asOf)
    {
        AsOf = asOf;
        DateOnly next = asOf.AddDays(1);
        End = next.DayNumber * Day;
        FirstDay = asOf.AddMonths(-Months).AddDays(1).DayNumber;
        var latestMonthEnd = new DateOnly(next.Year, next.Month, 1);
        LatestMonthEnd = latestMonthEnd.DayNumber * Day;
        LatestMonthStart = latestMonthEnd.AddMonths(-1).DayNumber * Day;
        InactiveFrom = End - (182 * Day);
        WeakRepFrom = End - (190 * Day);
        createdDay = new WeightedChoice(CreationWeights(FirstDay, asOf.DayNumber));
    }

    public DateOnly AsOf { get; }

    /// <summary>The as-of instant T: every written instant is before it.</summary>
    public long End { get; }

    /// <summary>First day deals are created on: 24 months before T.</summary>
    public int FirstDay { get; }

    /// <summary>Start of the latest complete calendar month before T (METRICS.md section 1).</summary>
    public long LatestMonthStart { get; }

    public long LatestMonthEnd { get; }

    /// <summary>From here on the inactive reps get no new deals.</summary>
    public long InactiveFrom { get; }

    /// <summary>From here on the weak rep converts demos at half the team's rate.</summary>
    public long WeakRepFrom { get; }

    /// <summary>A creation instant: more deals lately, more in a quarter's last month, few at weekends, office hours.</summary>
    public long SampleCreated(DemoRandom random)
    {
        long day = FirstDay + createdDay.Pick(random);
        return (day * Day) + (7 * Hour) + random.NextInt(12 * (int)Hour);
    }

    /// <summary>
    /// <paramref name="instant"/> moved forward into office hours (08:00-19:00) on a weekday, as
    /// people record CRM changes; never earlier than the input.
    /// </summary>
    public long ToOfficeHours(long instant, DemoRandom random)
    {
        long day = instant / Day;
        long second = instant % Day;
        if (second < 8 * Hour)
        {
            second = (8 * Hour) + random.NextInt(2 * (int)Hour);
        }
        else if (second >= 19 * Hour)
        {
            day++;
            second = (8 * Hour) + random.NextInt(3 * (int)Hour);
        }

        // DayNumber 0 (0001-01-01) is a Monday: 5 is Saturday, 6 Sunday.
        long weekday = day % 7;
        if (weekday >= 5)
        {
            day += 7 - weekday;
        }

        return (day * Day) + second;
    }

    /// <summary>
    /// The last day of the previous quarter when <paramref name="instant"/> falls in the first
    /// <paramref name="days"/> days of a quarter, else -1: deals pulled in to make the quarter.
    /// </summary>
    public static int PreviousQuarterEnd(long instant, int days)
    {
        DateOnly.FromDayNumber((int)(instant / Day)).Deconstruct(out int year, out int month, out int day);
        if ((month - 1) % 3 != 0 || day > days)
        {
            return -1;
        }

        return new DateOnly(year, month, 1).DayNumber - 1;
    }

    /// <summary>First days of the calendar quarters from the one holding <see cref="FirstDay"/> to the one holding the as-of date.</summary>
    public IEnumerable<DateOnly> Quarters()
    {
        DateOnly first = DateOnly.FromDayNumber(FirstDay);
        var quarter = new DateOnly(first.Year, (((first.Month - 1) / 3) * 3) + 1, 1);
        while (quarter <= AsOf)
        {
            yield return quarter;
            quarter = quarter.AddMonths(3);
        }
    }

    private static double[] CreationWeights(int firstDay, int lastDay)
    {
        var weights = new double[lastDay - firstDay + 1];
        for (int i = 0; i < weights.Length; i++)
        {
            var date = DateOnly.FromDayNumber(firstDay + i);
            double growth = 1.0 + (0.6 * i / weights.Length);
            double season = date.Month % 3 == 0 ? 1.3 : 1.0;
            double holidays = date.Month is 8 or 12 ? 0.8 : 1.0;
            double weekday = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.12 : 1.0;
            weights[i] = growth * season * holidays * weekday;
        }

        return weights;
    }
}

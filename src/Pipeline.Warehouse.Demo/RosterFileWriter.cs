using System.Globalization;

namespace Pipeline.Warehouse.Demo;

/// <summary>Writes reps.csv and quotas.csv (not hot: a few hundred rows).</summary>
internal static class RosterFileWriter
{
    public static readonly string[] RepColumns = ["rep_id", "rep_name", "email", "manager_id", "team", "region", "active"];

    public static readonly string[] QuotaColumns = ["rep_id", "period_start", "period_end", "quota"];

    private const double QuarterlyGrowth = 0.03;
    private const long QuotaStep = 5_000;

    public static void WriteReps(string path, DemoRoster roster)
    {
        using var file = new CsvSink(path, bufferSize: 1 << 16);
        file.Append(CsvText.Line(RepColumns));
        foreach (DemoRep rep in roster.Reps)
        {
            file.Reserve(1024);
            file.Append(CsvText.Line(rep.RepId, rep.Name, rep.Email, rep.ManagerId, rep.Team, rep.Region, rep.Active ? "true" : "false"));
        }
    }

    /// <summary>
    /// One row per seller and calendar quarter, growing about 3% a quarter, rounded to 5,000.
    /// A rep who left gets no quota for quarters that start after the day they stopped getting deals.
    /// </summary>
    public static long WriteQuotas(string path, DemoRoster roster, DemoCalendar calendar)
    {
        using var file = new CsvSink(path, bufferSize: 1 << 16);
        file.Append(CsvText.Line(QuotaColumns));
        var leftOn = DateOnly.FromDayNumber((int)(calendar.InactiveFrom / DemoCalendar.Day));
        long rows = 0;
        foreach (DemoRep rep in roster.Sellers)
        {
            TeamSegment segment = roster.Teams[rep.TeamIndex].Segment;
            int index = 0;
            foreach (DateOnly start in calendar.Quarters())
            {
                long quota = (long)Math.Round(segment.QuarterlyQuota * (1 + (QuarterlyGrowth * index)) / QuotaStep, MidpointRounding.AwayFromZero) * QuotaStep;
                index++;
                if (!rep.Active && start > leftOn)
                {
                    continue;
                }

                file.Reserve(256);
                file.Append(CsvText.Line(
                    rep.RepId,
                    start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    start.AddMonths(3).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    quota.ToString(CultureInfo.InvariantCulture)));
                rows++;
            }
        }

        return rows;
    }
}

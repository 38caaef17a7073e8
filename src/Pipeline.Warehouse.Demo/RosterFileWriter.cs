using System.Globalization;

namespace Pipeline.Warehouse.Demo;

/// <summary>Writes reps.csv and quotas.csv, and the roster in the CRM dialects (not hot: a few hundred rows).</summary>
internal static class RosterFileWriter
{
    public static readonly string[] RepColumns = ["rep_id", "rep_name", "email", "manager_id", "team", "region", "active"];

    public static readonly string[] SalesforceUserColumns = ["Id", "Name", "Email", "ManagerId", "Department", "Country", "IsActive", "UserRoleId"];

    public static readonly string[] HubSpotOwnerColumns = ["Owner ID", "First Name", "Last Name", "Email", "Team", "Country/Region", "Manager ID", "Active"];

    public static readonly string[] QuotaColumns = ["rep_id", "period_start", "period_end", "quota"];

    private const double QuarterlyGrowth = 0.03;
    private const long QuotaStep = 5_000;

    public static void WriteReps(string path, DemoRoster roster) => WriteReps(path, roster.Reps);

    /// <summary>reps.csv of these rows, in their order.</summary>
    public static void WriteReps(string path, IEnumerable<DemoRep> reps)
    {
        using var file = new CsvSink(path, bufferSize: 1 << 16);
        file.Append(CsvText.Line(RepColumns));
        foreach (DemoRep rep in reps)
        {
            file.Reserve(1024);
            file.Append(CsvText.Line(rep.RepId, rep.Name, rep.Email, rep.ManagerId, rep.Team, rep.Region, Boolean(rep.Active)));
        }
    }

    /// <summary>Salesforce User.csv: one row per reps.csv row, in the same order; Department is the team, Country the region's.</summary>
    public static void WriteSalesforceUsers(string path, DemoRoster roster)
    {
        using var file = new CsvSink(path, bufferSize: 1 << 16);
        file.Append(CsvText.Line(SalesforceUserColumns));
        foreach (DemoRep rep in roster.Reps)
        {
            file.Reserve(1024);
            file.Append(CsvText.Line(rep.RepId, rep.Name, rep.Email, rep.ManagerId, rep.Team, RegionCountries.Country(rep.Region), Boolean(rep.Active), ""));
        }
    }

    /// <summary>hubspot-owners.csv: one row per reps.csv row, in the same order; the name split at its first space.</summary>
    public static void WriteHubSpotOwners(string path, DemoRoster roster)
    {
        using var file = new CsvSink(path, bufferSize: 1 << 16);
        file.Append(CsvText.Line(HubSpotOwnerColumns));
        foreach (DemoRep rep in roster.Reps)
        {
            int space = rep.Name.IndexOf(' ', StringComparison.Ordinal);
            string first = space < 0 ? rep.Name : rep.Name[..space];
            string last = space < 0 ? "" : rep.Name[(space + 1)..];
            file.Reserve(1024);
            file.Append(CsvText.Line(rep.RepId, first, last, rep.Email, rep.Team, RegionCountries.Country(rep.Region), rep.ManagerId, Boolean(rep.Active)));
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

    private static string Boolean(bool value) => value ? "true" : "false";
}

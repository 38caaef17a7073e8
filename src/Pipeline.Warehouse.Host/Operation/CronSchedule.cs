using Cronos;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// When the nightly worker ticks: a cron expression read in a time zone, daylight saving time
/// included (Cronos). A time that a spring-forward skips runs at the first instant after the gap;
/// a time that a fall-back repeats runs once, at its first occurrence.
/// </summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(string text, CronExpression expression, TimeZoneInfo zone)
    {
        Text = text;
        _expression = expression;
        Zone = zone;
    }

    /// <summary>The expression as written: five fields (minute hour day-of-month month day-of-week), or six with seconds first.</summary>
    public string Text { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The expression and zone, or why not: the messages name what to write instead.</summary>
    public static CronSchedule Parse(string expression, string timeZone, out string? expressionProblem, out string? zoneProblem)
    {
        expressionProblem = null;
        zoneProblem = null;
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        CronExpression? parsed = null;
        if (fields is not (5 or 6))
            expressionProblem = $"has {fields} fields";
        else
        {
            try
            {
                parsed = CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            }
            catch (CronFormatException e)
            {
                expressionProblem = e.Message.TrimEnd('.');
            }
        }
        TimeZoneInfo? zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zoneProblem = e.Message.TrimEnd('.');
        }
        return new CronSchedule(expression, parsed ?? CronExpression.Daily, zone ?? TimeZoneInfo.Utc);
    }

    /// <summary>The first tick strictly after an instant; null when the expression never occurs again (30 February).</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _expression.GetNextOccurrence(after, Zone);

    /// <summary>An instant as the zone's local time with its offset, for log lines: 2026-12-01 02:00 +01:00 (Europe/Berlin).</summary>
    public string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture) + $" ({Zone.Id})";
}

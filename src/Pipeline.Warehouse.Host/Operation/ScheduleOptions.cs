namespace Pipeline.Warehouse.Host.Operation;

/// <summary>The settings of <c>schedule</c> (section Schedule), checked and resolved to full paths.</summary>
/// <param name="Cron">When the long-running worker ticks; null only with <paramref name="Once"/>, which ticks once, now.</param>
public sealed record ScheduleOptions(
    CronSchedule? Cron,
    string Inbox,
    string Archive,
    string Rejected,
    TimeSpan QuietPeriod,
    bool Once);

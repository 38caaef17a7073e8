namespace Pipeline.Warehouse.Host.Operation;

/// <summary>The settings of <c>schedule</c> (section Schedule), checked and resolved to full paths.</summary>
public sealed record ScheduleOptions(
    CronSchedule Cron,
    string Inbox,
    string Archive,
    string Rejected,
    TimeSpan QuietPeriod,
    bool Once);

using System.Globalization;

namespace Pipeline.Warehouse.Host.Operation;

public sealed partial class SettingsReader
{
    /// <summary>Default of Schedule:QuietSeconds: how long an unmarked folder's files must stay unchanged.</summary>
    public const double DefaultQuietSeconds = 120;

    private ScheduleOptions? ReadSchedule()
    {
        var cron = Text("Schedule:Cron");
        var once = Flag("Schedule:Once");
        // --once looks at the inbox now (a systemd timer or cron calls it): it needs no cron of its own.
        if (cron is null && !once)
            Problem($"schedule needs --cron (or Schedule:Cron in {HostSettings.DefaultFileName}, or {SettingKeys.EnvironmentPrefix}Schedule__Cron), e.g. --cron \"0 2 * * *\" for 02:00 every night; or --once to look at the inbox once, now.");
        var zone = Text("Schedule:TimeZone") ?? "UTC";
        var schedule = CronSchedule.Parse(cron ?? "0 0 * * *", zone, out var cronProblem, out var zoneProblem);
        if (cron is not null && cronProblem is not null)
            Problem($"{Named("Schedule:Cron", cron)} is not a cron expression ({cronProblem}). Write five fields, minute hour day-of-month month day-of-week, "
                + "e.g. \"0 2 * * *\" for 02:00 every night or \"30 1 * * 1-5\" for 01:30 on weekdays (or six, with seconds first).");
        if (zoneProblem is not null)
            Problem($"{Named("Schedule:TimeZone", zone)} is not a time zone this machine knows ({zoneProblem}). Use an IANA name such as Europe/Berlin, America/New_York or UTC (the names under /usr/share/zoneinfo).");
        if (cron is not null && cronProblem is null && zoneProblem is null && schedule.Next(DateTimeOffset.UtcNow) is null)
            Problem($"{Named("Schedule:Cron", cron)} never occurs (no such date in any year to come); write a schedule that does, e.g. \"0 2 * * *\".");

        var inbox = Folder("Schedule:Inbox");
        if (inbox is null && Text("Schedule:Inbox") is null)
            Problem($"schedule needs --inbox (or Schedule:Inbox in {HostSettings.DefaultFileName}, or {SettingKeys.EnvironmentPrefix}Schedule__Inbox): the folder the CRM exporter writes one folder per night into.");
        else if (inbox is not null && !Directory.Exists(inbox))
            Problem($"{Named("Schedule:Inbox", Text("Schedule:Inbox")!)} does not exist or is not a folder. Create it, or name the folder the CRM exporter writes one folder per night into.");
        var parent = inbox is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(inbox.TrimEnd(Path.DirectorySeparatorChar)) ?? inbox;
        var archive = Folder("Schedule:Archive") ?? Path.Combine(parent, "archive");
        var rejected = Folder("Schedule:Rejected") ?? Path.Combine(parent, "rejected");
        foreach (var (key, path) in new[] { ("Schedule:Archive", archive), ("Schedule:Rejected", rejected) })
            if (inbox is not null && SameFolder(path, inbox))
                Problem($"{key} is the inbox itself ({path}); name another folder (the default is beside the inbox: {Path.Combine(parent, key == "Schedule:Archive" ? "archive" : "rejected")}).");

        var quiet = DefaultQuietSeconds;
        if (Text("Schedule:QuietSeconds") is { } text)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds is >= 0 and <= 86_400)
                quiet = seconds;
            else
                Problem($"{Named("Schedule:QuietSeconds", text)} is not a quiet period; write a number of seconds from 0 to 86400, e.g. 120.");
        }
        return new ScheduleOptions(cron is null ? null : schedule, inbox ?? "", archive, rejected, TimeSpan.FromSeconds(quiet), once);
    }

    private string? Folder(string key) => Text(key) is { } path ? Path.GetFullPath(path) : null;

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}

using System.Text.Json;
using Pipeline.Warehouse.Demo;
using Pipeline.Warehouse.Host.Operation;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Operation;

/// <summary>
/// One <c>schedule --once</c> of the real CLI over an inbox of five night folders and one other,
/// oldest first:
/// <list type="bullet">
/// <item>2026-11-27_stale: a whole export whose files are 2,000 hours old: refused by freshness (error after 1,000 h).</item>
/// <item>2026-11-28_broken: reps.csv only: refused (deals.csv is required).</item>
/// <item>2026-11-29: 300 generated deals, files 30 hours old: loaded as load 1 with a freshness warning (warn after 24 h).</item>
/// <item>2026-11-29_redelivered: the same night's bytes again: skipped as already loaded as load 1.</item>
/// <item>2026-12-01: empty, no marker: not ready, left in the inbox.</item>
/// <item>notes: not a night folder, left alone.</item>
/// </list>
/// The settings come from appsettings.json beside the warehouse; the cron and zone from the command line.
/// </summary>
public sealed class NightlyInbox : IDisposable
{
    private readonly TempFolder _folder = new();

    public NightlyInbox()
    {
        Directory.CreateDirectory(Inbox);
        Directory.CreateDirectory(Path.GetDirectoryName(Warehouse)!);
        var now = DateTime.UtcNow;
        var night = Night("2026-11-29");
        DemoGenerator.Generate(new DemoOptions(night, Deals: 300, Seed: 7, AsOf: new DateOnly(2026, 11, 29)));
        Age(night, now.AddHours(-30));
        var redelivered = Night("2026-11-29_redelivered");
        var stale = Night("2026-11-27_stale");
        foreach (var file in Directory.GetFiles(night))
        {
            File.Copy(file, Path.Combine(redelivered, Path.GetFileName(file)));
            File.Copy(file, Path.Combine(stale, Path.GetFileName(file)));
        }
        Age(redelivered, now.AddHours(-30));
        Age(stale, now.AddHours(-2000));
        var broken = Night("2026-11-28_broken");
        File.WriteAllText(Path.Combine(broken, "reps.csv"), WarehouseRun.Reps);
        foreach (var marked in new[] { night, redelivered, stale, broken })
            File.WriteAllText(Path.Combine(marked, FolderReadiness.Marker), "");
        Night("2026-12-01");
        Directory.CreateDirectory(Path.Combine(Inbox, "notes"));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(Warehouse)!, "appsettings.json"),
            """{ "Freshness": { "WarnAfterHours": 24, "ErrorAfterHours": 1000 }, "Schedule": { "QuietSeconds": 1 } }""");

        Result = CliProcess.Run("schedule", "--once", "--cron", "0 2 * * *", "--time-zone", "Europe/Berlin", "--inbox", Inbox, "--warehouse", Warehouse);
        var logs = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(Warehouse)!, "logs"), "run-*.jsonl");
        LogFile = logs.Single();
        LogLines = [.. File.ReadAllLines(LogFile).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    public string Inbox => _folder.File("inbox");

    public string Archive => _folder.File("archive");

    public string Rejected => _folder.File("rejected");

    public string Warehouse => _folder.File(Path.Combine("warehouse", "pipeline.duckdb"));

    public CliProcess.Result Result { get; }

    public string LogFile { get; }

    /// <summary>Every line of the tick's log file, each parsed as JSON.</summary>
    public IReadOnlyList<JsonElement> LogLines { get; }

    private string Night(string name)
    {
        var path = Path.Combine(Inbox, name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static void Age(string folder, DateTime modified)
    {
        foreach (var file in Directory.GetFiles(folder))
            File.SetLastWriteTimeUtc(file, modified);
    }

    public void Dispose() => _folder.Dispose();
}

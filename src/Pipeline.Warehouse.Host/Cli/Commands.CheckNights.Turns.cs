using System.Diagnostics;
using System.Globalization;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Operation;
using Pipeline.Warehouse.Reports;
using Pipeline.Warehouse.Reports.Benchmarks;

namespace Pipeline.Warehouse.Host.Cli;

/// <summary>check-nights' turns: nights delivered to the inbox, a night killed, the reports of a past night kept and compared.</summary>
public static partial class Commands
{
    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Moves the generated night folders whose date <paramref name="deliver"/> accepts into the inbox, as a CRM's delivery would.</summary>
    private static void Deliver(string incoming, string inbox, Func<DateOnly, bool> deliver)
    {
        foreach (var night in NightFolder.List(incoming).Where(n => deliver(n.AsOf)))
            Directory.Move(night.Path, Path.Combine(inbox, night.Name));
    }

    /// <summary>The report set of the warehouse as it is now, as the night's run writes it (one read-only source).</summary>
    private static void WriteReportSet(string warehouse, string root)
    {
        using var source = ReportSource.Open(warehouse);
        var folder = Path.Combine(root, Day(source.AsOfFor(null)));
        Scorecards.Write(source, folder, benchmarks: BenchmarkTable.Default());
        HealthReports.Write(source, folder);
    }

    /// <summary>
    /// Runs the inbox (the night of <paramref name="night"/>) in a child process, the real CLI, and
    /// kills it (SIGKILL) once it is building the marts; then the warehouse must be byte for byte
    /// what it was, and the night's folder still in the inbox for the next tick.
    /// </summary>
    private static List<string> KillNight(OperationSettings settings, DateOnly night)
    {
        var schedule = settings.Schedule!;
        var warehouse = settings.Etl.Warehouse;
        var before = FileHash.Sha256(warehouse);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "pipeline-warehouse.dll"), "schedule", "--once", "--inbox", schedule.Inbox, "--warehouse", warehouse,
            "--archive", schedule.Archive, "--rejected", schedule.Rejected, "--quiet-seconds", "0", "--dialect", settings.Etl.Dialect, "--logs", settings.LogFolder,
        })
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        _ = process.StandardError.ReadToEndAsync();
        var building = false;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (!line.Contains("Phase build marts started", StringComparison.Ordinal))
                continue;
            building = true;
            process.Kill(entireProcessTree: true);
            break;
        }
        process.WaitForExit();
        var problems = new List<string>();
        if (!building)
            problems.Add($"the night ended (exit code {process.ExitCode}) before it built the marts, so it was not killed");
        if (FileHash.Sha256(warehouse) != before)
            problems.Add("the warehouse changed");
        if (!NightFolder.List(schedule.Inbox).Any(n => n.AsOf == night))
            problems.Add($"the folder of {Day(night)} left the inbox");
        Console.WriteLine($"Killed the night of {Day(night)} while it built the marts (SIGKILL of schedule --once).");
        return problems;
    }

    /// <summary>Files of one folder that the other lacks or holds with other bytes, both ways.</summary>
    private static List<string> SameFiles(string expected, string actual)
    {
        static Dictionary<string, string> Files(string root) => Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), FileHash.Sha256, StringComparer.Ordinal)
            : [];
        var left = Files(expected);
        var right = Files(actual);
        var problems = left.Where(f => !right.TryGetValue(f.Key, out var hash) || hash != f.Value)
            .Select(f => right.ContainsKey(f.Key) ? $"{f.Key}: other bytes" : $"{f.Key}: not written again")
            .Concat(right.Keys.Where(f => !left.ContainsKey(f)).Select(f => $"{f}: not written the night after"))
            .ToList();
        if (left.Count == 0)
            problems.Add($"no reports in {expected}");
        Console.WriteLine($"      ({left.Count:N0} report files the night after, {right.Count:N0} rebuilt)");
        return problems;
    }
}

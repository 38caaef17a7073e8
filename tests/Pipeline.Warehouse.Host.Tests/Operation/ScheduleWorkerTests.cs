using System.Diagnostics;
using Pipeline.Warehouse.Host.Operation;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Operation;

/// <summary>The long-running worker and its one-per-warehouse lock, through the real CLI.</summary>
public sealed class ScheduleWorkerTests
{
    [Fact]
    public void Schedule_WhileAnotherScheduleRunsForTheWarehouse_RefusedWithExitCode2()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("inbox"));
        var warehouse = folder.File("warehouse.duckdb");
        using var first = ScheduleLock.Take(warehouse);

        var second = CliProcess.Run("schedule", "--once", "--cron", "0 2 * * *", "--inbox", folder.File("inbox"), "--warehouse", warehouse);

        second.ExitCode.Should().Be(2);
        second.Stderr.Should().Contain($"Another schedule is already running for {warehouse} (it holds {warehouse}.schedule.lock)");
    }

    [Fact]
    public async Task Schedule_LongRunningTicksThenSigterm_StopsWithExitCode0()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("inbox"));
        var warehouse = folder.File("warehouse.duckdb");
        // Six fields, seconds first: a tick every second, over an empty inbox.
        using var process = Process.Start(CliProcess.StartInfo("schedule", "--cron", "* * * * * *", "--inbox", folder.File("inbox"), "--warehouse", warehouse))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var logs = folder.File("logs");
        var waited = Stopwatch.StartNew();
        while ((!Directory.Exists(logs) || Directory.GetFiles(logs).Length < 2) && waited.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(50);

        Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        process.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue();

        process.ExitCode.Should().Be(0);
        Directory.GetFiles(logs, "run-*.jsonl").Length.Should().BeGreaterThanOrEqualTo(2, "each tick writes its own log file");
        (await stdout).Should().Contain("Schedule started: cron \"* * * * * *\" in UTC").And.Contain("Next tick at").And.Contain("Schedule stopped");
    }
}

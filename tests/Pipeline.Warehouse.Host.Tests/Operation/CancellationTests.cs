using System.Diagnostics;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Models;

namespace Pipeline.Warehouse.Host.Tests.Operation;

/// <summary>A run stopped by cancellation (SIGTERM, Ctrl+C, the worker stopping) leaves the old warehouse byte for byte, and no lock.</summary>
[Collection(OldWarehouseCollection.Name)]
public sealed class CancellationTests(OldWarehouse old)
{
    [Fact]
    public void Run_CancelledWhileBuildingTheCore_OldWarehouseByteIdenticalNoLeftoversNoLock()
    {
        using var folder = new TempFolder();
        var warehouse = old.CopyTo(folder);
        var before = WarehouseCompare.Sha256(warehouse);
        using var stop = new CancellationTokenSource();
        // Cancelled 200 ms into the core build: a model's query is interrupted, or the next phase does not start.
        var observer = new CancelOnPhase("build core", stop, TimeSpan.FromMilliseconds(200));
        var job = new EtlJob(new EtlOptions { Input = old.NewExports, Warehouse = warehouse, AsOf = new DateOnly(2026, 11, 30) }, observer);

        var act = () => job.Run(stop.Token);

        act.Should().Throw<Exception>();
        stop.IsCancellationRequested.Should().BeTrue();
        observer.Started.Should().NotContain("publish");
        WarehouseCompare.Sha256(warehouse).Should().Be(before);
        File.Exists(warehouse + ".building").Should().BeFalse();
        Directory.Exists(warehouse + ".building.tmp").Should().BeFalse();
        // The lock is free: taking it again succeeds at once.
        using (WarehouseFile.Lock(warehouse))
        {
        }
    }

    [Fact]
    public async Task Run_SigtermDuringTheRun_StopsSoonExitCode1OldWarehouseIntact()
    {
        using var folder = new TempFolder();
        var warehouse = old.CopyTo(folder);
        var before = WarehouseCompare.Sha256(warehouse);
        using var process = Process.Start(CliProcess.StartInfo("run", "--input", old.NewExports, "--warehouse", warehouse, "--as-of", "2026-11-30"))!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var waited = Stopwatch.StartNew();
        while (!File.Exists(warehouse + ".building") && waited.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(20);
        File.Exists(warehouse + ".building").Should().BeTrue("the run should be building by now");
        Thread.Sleep(300);

        Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        var stopping = Stopwatch.StartNew();
        process.WaitForExit(TimeSpan.FromSeconds(60)).Should().BeTrue();

        // The host would wait 30 s for a worker that ignored the signal; a cancelled run ends well before.
        stopping.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(25));
        process.ExitCode.Should().Be(1);
        (await stderr).Should().Contain("error: the run was stopped (SIGTERM or Ctrl+C) before it finished; the warehouse was not changed.");
        WarehouseCompare.Sha256(warehouse).Should().Be(before);
        File.Exists(warehouse + ".building").Should().BeFalse();
        Directory.Exists(warehouse + ".building.tmp").Should().BeFalse();
        using (WarehouseFile.Lock(warehouse))
        {
        }
    }

    /// <summary>
    /// Cancels <paramref name="delay"/> after the phase starts: by a timer, and, should the timer be
    /// late (a busy thread pool while other tests run), at the first model built after that time.
    /// </summary>
    private sealed class CancelOnPhase(string phase, CancellationTokenSource stop, TimeSpan delay) : IRunObserver
    {
        private Stopwatch? _since;

        public List<string> Started { get; } = [];

        public void PhaseStarted(string name)
        {
            Started.Add(name);
            if (name == phase)
            {
                _since = Stopwatch.StartNew();
                stop.CancelAfter(delay);
            }
        }

        public void PhaseFinished(string name, TimeSpan elapsed)
        {
        }

        public void FileLoaded(string file, long rows, bool slowPath, TimeSpan elapsed)
        {
        }

        public void ModelBuilt(ModelResult model)
        {
            if (_since is { } since && since.Elapsed >= delay)
                stop.Cancel();
        }
    }
}

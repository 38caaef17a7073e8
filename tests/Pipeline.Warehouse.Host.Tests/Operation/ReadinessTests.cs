using System.Diagnostics;
using Pipeline.Warehouse.Host.Operation;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Operation;

public sealed class ReadinessTests
{
    [Fact]
    public void Check_FolderWithMarker_ReadyWithoutWaitingTheQuietPeriod()
    {
        using var inbox = new TempFolder();
        var night = Night(inbox, "2026-12-01", ("deals.csv", "x"), (FolderReadiness.Marker, ""));
        var clock = Stopwatch.StartNew();

        var (ready, waiting) = FolderReadiness.Check([night], TimeSpan.FromMinutes(10), CancellationToken.None);

        ready.Should().Equal(night);
        waiting.Should().BeEmpty();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(1), "a marked folder needs no second look");
    }

    [Fact]
    public void Check_UnmarkedFolderUnchangedForTheQuietPeriod_Ready()
    {
        using var inbox = new TempFolder();
        var night = Night(inbox, "2026-12-01", ("deals.csv", "x"));

        var (ready, waiting) = FolderReadiness.Check([night], TimeSpan.FromMilliseconds(300), CancellationToken.None);

        ready.Should().Equal(night);
        waiting.Should().BeEmpty();
    }

    [Fact]
    public async Task Check_UnmarkedFolderGrowingDuringTheQuietPeriod_LeftForTheNextTick()
    {
        using var inbox = new TempFolder();
        var growing = Night(inbox, "2026-12-01", ("deals.csv", "deal_id\n"));
        var marked = Night(inbox, "2026-12-02", ("deals.csv", "x"), (FolderReadiness.Marker, ""));
        var empty = Night(inbox, "2026-12-03");
        // The exporter appends a row while the worker waits between its two looks.
        var writer = Task.Run(async () =>
        {
            await Task.Delay(300);
            await File.AppendAllTextAsync(Path.Combine(growing.Path, "deals.csv"), "D1\n");
        });

        var (ready, waiting) = FolderReadiness.Check([growing, marked, empty], TimeSpan.FromSeconds(1.5), CancellationToken.None);
        await writer;

        ready.Should().Equal(marked);
        waiting.Select(w => w.Night).Should().Equal(growing, empty);
        waiting[0].Reason.Should().Contain("no _SUCCESS marker").And.Contain("changed within 1.5 s");
        waiting[1].Reason.Should().Contain("holds no files");
    }

    private static NightFolder Night(TempFolder inbox, string name, params (string File, string Content)[] files)
    {
        var path = inbox.File(name);
        Directory.CreateDirectory(path);
        foreach (var (file, content) in files)
            File.WriteAllText(Path.Combine(path, file), content);
        return NightFolder.TryParse(path)!;
    }
}

using System.Text.Json;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Tests.Operation;

/// <summary>What one tick of the nightly worker does with each folder of <see cref="NightlyInbox"/>.</summary>
public sealed class ScheduleOnceTests(NightlyInbox inbox) : IClassFixture<NightlyInbox>
{
    [Fact]
    public void ScheduleOnce_OneFolderRefused_ExitCode2()
    {
        inbox.Result.ExitCode.Should().Be(2, inbox.Result.Stderr);
    }

    [Fact]
    public void ScheduleOnce_Inbox_LoadedAndRepeatedArchivedRefusedRejectedOthersLeft()
    {
        Names(inbox.Archive).Should().BeEquivalentTo("2026-11-29", "2026-11-29_redelivered");
        Names(inbox.Rejected).Should().BeEquivalentTo("2026-11-27_stale", "2026-11-27_stale.txt", "2026-11-28_broken", "2026-11-28_broken.txt");
        Names(inbox.Inbox).Should().BeEquivalentTo("2026-12-01", "notes");
        // A moved folder keeps its files, the marker too.
        File.Exists(Path.Combine(inbox.Archive, "2026-11-29", "deals.csv")).Should().BeTrue();
        File.Exists(Path.Combine(inbox.Rejected, "2026-11-28_broken", "reps.csv")).Should().BeTrue();
    }

    [Fact]
    public void ScheduleOnce_RefusedFolders_ReasonBesideEach()
    {
        var broken = File.ReadAllText(Path.Combine(inbox.Rejected, "2026-11-28_broken.txt"));
        var stale = File.ReadAllText(Path.Combine(inbox.Rejected, "2026-11-27_stale.txt"));

        broken.Should().Contain("Required file deals.csv is missing").And.Contain("move the folder back into the inbox as 2026-11-28_broken");
        stale.Should().Contain("hours old").And.Contain("more than Freshness:ErrorAfterHours = 1000 hours ago");
    }

    [Fact]
    public void ScheduleOnce_StaleButUnderTheErrorAge_LoadedWithTheWarningInSummaryRunLogAndLog()
    {
        using var connection = new DuckDBConnection(Pipeline.Warehouse.Reports.WarehouseConnection.ConnectionString(inbox.Warehouse, readOnly: true));
        connection.Open();
        using var command = Sql.Command(connection, "select load_id, strftime(as_of, '%Y-%m-%d'), message from meta.etl_run");
        using var reader = command.ExecuteReader();
        reader.Read().Should().BeTrue();
        (reader.GetInt32(0), reader.GetString(1)).Should().Be((1, "2026-11-29"));
        reader.GetString(2).Should().Contain("warning: the export is 30.").And.Contain("older than Freshness:WarnAfterHours = 24 hours");
        reader.Read().Should().BeFalse("the repeated export is not loaded again, and refused ones leave no row");

        inbox.Result.Stdout.Should().Contain("Warning: the export is 30.");
        Events("FreshnessWarning").Should().ContainSingle();
    }

    [Fact]
    public void ScheduleOnce_SameExportTwice_SecondSkippedAsAlreadyLoaded()
    {
        var skipped = Events("AlreadyLoaded").Should().ContainSingle().Subject;
        var fields = skipped.GetProperty("fields");
        fields.GetProperty("Folder").GetString().Should().Be("2026-11-29_redelivered");
        fields.GetProperty("LoadId").GetInt32().Should().Be(1);
        skipped.GetProperty("message").GetString().Should().StartWith("2026-11-29_redelivered already loaded as load 1 (as of 2026-11-29;");
        // The export hash of the skip is the hash of the load.
        fields.GetProperty("Hash").GetString().Should().Be(Events("NightLoaded").Single().GetProperty("fields").GetProperty("Hash").GetString());
    }

    [Fact]
    public void ScheduleOnce_Log_FoldersTakenOldestFirst()
    {
        var folders = inbox.LogLines
            .Where(l => l.GetProperty("event").GetString() is "NightRefused" or "NightLoaded" or "AlreadyLoaded" or "NotReady")
            .Select(l => l.GetProperty("fields").GetProperty("Folder").GetString());

        // Readiness is decided first (2026-12-01 is not ready), then the ready ones oldest first.
        folders.Should().Equal("2026-12-01", "2026-11-27_stale", "2026-11-28_broken", "2026-11-29", "2026-11-29_redelivered");
    }

    [Fact]
    public void ScheduleOnce_LogFile_EveryLineAJsonObjectWithTheFields()
    {
        Path.GetFileName(inbox.LogFile).Should().MatchRegex(@"^run-\d{8}T\d{6}Z\.jsonl$");
        inbox.LogLines.Should().NotBeEmpty();
        foreach (var line in inbox.LogLines)
        {
            line.GetProperty("timestamp").GetDateTimeOffset().Offset.Should().Be(TimeSpan.Zero);
            line.GetProperty("level").GetString().Should().BeOneOf("Information", "Warning", "Error");
            line.GetProperty("event").GetString().Should().NotBeNullOrEmpty();
            line.GetProperty("message").GetString().Should().NotBeNullOrEmpty();
            line.GetProperty("fields").ValueKind.Should().Be(JsonValueKind.Object);
        }
        var succeeded = Events("RunSucceeded").Should().ContainSingle().Subject.GetProperty("fields");
        succeeded.GetProperty("LoadId").GetInt32().Should().Be(1);
        succeeded.GetProperty("Deals").GetInt64().Should().Be(300);
        Events("NotANightFolder").Single().GetProperty("fields").GetProperty("Name").GetString().Should().Be("notes");
    }

    [Fact]
    public void ScheduleOnce_Finished_NoBuildingFileAndNoLockHeld()
    {
        File.Exists(inbox.Warehouse + ".building").Should().BeFalse();
        using (Pipeline.Warehouse.Host.Etl.WarehouseFile.Lock(inbox.Warehouse))
        {
        }
    }

    private IEnumerable<JsonElement> Events(string name) => inbox.LogLines.Where(l => l.GetProperty("event").GetString() == name);

    private static IEnumerable<string> Names(string folder) => Directory.EnumerateFileSystemEntries(folder).Select(p => Path.GetFileName(p)!);
}

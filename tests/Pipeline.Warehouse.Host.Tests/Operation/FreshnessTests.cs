using Pipeline.Warehouse.Host.Operation;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Tests.Operation;

public sealed class FreshnessTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>Two files: deals.csv modified <paramref name="dealsHoursAgo"/> hours before <see cref="Now"/>, reps.csv 100 hours before.</summary>
    private static string[] Files(TempFolder folder, double dealsHoursAgo)
    {
        var deals = folder.File("deals.csv");
        var reps = folder.File("reps.csv");
        File.WriteAllText(deals, "x");
        File.WriteAllText(reps, "x");
        File.SetLastWriteTimeUtc(deals, Now.AddHours(-dealsHoursAgo));
        File.SetLastWriteTimeUtc(reps, Now.AddHours(-100));
        return [deals, reps];
    }

    [Fact]
    public void Check_NewestFileYoungerThanWarnAge_NoWarning()
    {
        using var folder = new TempFolder();
        Freshness.Check(Files(folder, 20), new FreshnessOptions(24, 48), Now).Should().BeNull();
    }

    [Fact]
    public void Check_NewestFileOlderThanWarnAge_WarnsWithAgeAndKey()
    {
        using var folder = new TempFolder();

        // The newest file (deals.csv, 30 h before 2026-12-01 02:00: 2026-11-29 20:00) decides, not the oldest (reps.csv, 100 h).
        var warning = Freshness.Check(Files(folder, 30), new FreshnessOptions(24, 48), Now);

        warning.Should().Be("the export is 30.0 hours old (newest file deals.csv, modified at 2026-11-29 20:00 UTC), older than Freshness:WarnAfterHours = 24 hours.");
    }

    [Fact]
    public void Check_NewestFileOlderThanErrorAge_RefusedNamingAgeAndKey()
    {
        using var folder = new TempFolder();

        var act = () => Freshness.Check(Files(folder, 50), new FreshnessOptions(24, 48), Now);

        act.Should().Throw<InputException>().Which.Message.Should()
            .Contain("is 50.0 hours old").And.Contain("deals.csv, was modified at 2026-11-29 00:00 UTC")
            .And.Contain("more than Freshness:ErrorAfterHours = 48 hours ago").And.Contain("The warehouse was not changed")
            .And.Contain("--error-after-hours");
    }

    [Fact]
    public void Check_NewestFileDatedInTheFuture_AgeUnknownWarnsNeverRefuses()
    {
        using var folder = new TempFolder();

        // Dated 2 hours ahead of the clock (beyond the 5 minutes of drift allowed): the age is unknown.
        var warning = Freshness.Check(Files(folder, -2), new FreshnessOptions(24, 48), Now);

        warning.Should().StartWith("the age of the export is unknown: its newest file, deals.csv, is dated 2026-12-01 04:00 UTC, 2.0 hours in the future");
    }

    [Fact]
    public void Check_NoAgesConfigured_NotChecked()
    {
        using var folder = new TempFolder();
        Freshness.Check(Files(folder, 10_000), FreshnessOptions.None, Now).Should().BeNull();
    }
}

using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Nights;

/// <summary>
/// check-nights end to end on a few small nights (2026-11-28 to 2026-12-02, so December starts on
/// a night the warehouse remembers): generated nights of one CRM through the inbox, then the
/// warehouse held against a single load of the last export and the generator's record.
/// </summary>
public sealed class CheckNightsTests
{
    [Fact]
    public void CheckNights_FewSmallNights_EveryCheckHolds()
    {
        using var folder = new TempFolder();

        var result = CliProcess.Run("check-nights", "--nights", "5", "--deals", "600", "--seed", "3", "--as-of", "2026-12-02", "--dir", folder.File("nights"));

        result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
        result.Stdout.Should().Contain("ok    the inbox loaded 5 nights and skipped the re-delivered one")
            .And.Contain("ok    every figure that does not depend on history equals a single load of the last export")
            .And.Contain("ok    the snapshots are the generator's, night by night")
            .And.Contain("ok    deals deleted in the CRM are the generator's")
            .And.Contain("ok    rep versions follow the generator's team changes")
            .And.Contain("ok    the waterfall's start and end, where a night gave them, are the generator's open deals expected in the period")
            .And.Contain("Every check holds.");
    }
}

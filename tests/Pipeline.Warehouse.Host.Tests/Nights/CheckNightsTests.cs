using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Nights;

/// <summary>
/// check-nights end to end on eleven small nights (2026-11-22 to 2026-12-02, so December starts on
/// a night the warehouse remembers): generated nights of one CRM through the inbox, one killed while
/// it builds, then the warehouse held against a single load of the last export and the generator's
/// record, and the reports of the first night rebuilt ten nights later against those written then.
/// </summary>
public sealed class CheckNightsTests
{
    [Fact]
    public void CheckNights_ElevenSmallNights_EveryCheckHolds()
    {
        using var folder = new TempFolder();

        var result = CliProcess.Run("check-nights", "--nights", "11", "--deals", "300", "--seed", "3", "--as-of", "2026-12-02", "--dir", folder.File("nights"));

        result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
        result.Stdout.Should().Contain("ok    the inbox loaded 11 nights and skipped the re-delivered one")
            .And.Contain("ok    every figure that does not depend on history equals a single load of the last export")
            .And.Contain("ok    the snapshots are the generator's, night by night")
            .And.Contain("ok    deals deleted in the CRM are the generator's")
            .And.Contain("ok    rep versions follow the generator's team changes")
            .And.Contain("ok    the waterfall's start and end, where a night gave them, are the generator's open deals expected in the period")
            .And.Contain("ok    a night killed while it built (2026-11-23) left the previous night's warehouse as it was, and its folder in the inbox for the next tick")
            .And.Contain("ok    the reports of 2026-11-22 rebuilt 10 nights later are byte for byte those written the night after it")
            .And.Contain("Every check holds.");
    }
}

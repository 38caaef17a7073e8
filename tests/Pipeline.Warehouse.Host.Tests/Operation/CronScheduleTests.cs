using Pipeline.Warehouse.Host.Operation;

namespace Pipeline.Warehouse.Host.Tests.Operation;

/// <summary>
/// "0 2 * * *" in Europe/Berlin: 02:00 local is 01:00 UTC in winter (CET, +01:00) and 00:00 UTC in
/// summer (CEST, +02:00). In 2026 summer time starts on Sunday 29 March (02:00 -> 03:00, so 02:00
/// does not exist) and ends on Sunday 25 October (03:00 -> 02:00, so 02:00 happens twice).
/// </summary>
public sealed class CronScheduleTests
{
    private static CronSchedule Berlin(string cron = "0 2 * * *")
    {
        var schedule = CronSchedule.Parse(cron, "Europe/Berlin", out var cronProblem, out var zoneProblem);
        cronProblem.Should().BeNull();
        zoneProblem.Should().BeNull();
        return schedule;
    }

    [Theory]
    [InlineData("2026-12-01T00:30:00Z", "2026-12-01T01:00:00Z")] // winter: 02:00 CET
    [InlineData("2026-12-01T01:00:00Z", "2026-12-02T01:00:00Z")] // strictly after: the next night
    [InlineData("2026-07-01T00:30:00Z", "2026-07-02T00:00:00Z")] // summer: 02:00 CEST = 00:00 UTC, already past on 1 July
    [InlineData("2026-03-28T12:00:00Z", "2026-03-29T01:00:00Z")] // spring forward: 02:00 is skipped, runs at 03:00 CEST = 01:00 UTC
    [InlineData("2026-03-29T01:00:00Z", "2026-03-30T00:00:00Z")] // the night after: 02:00 CEST
    [InlineData("2026-10-24T12:00:00Z", "2026-10-25T00:00:00Z")] // fall back: the first 02:00 (CEST, 00:00 UTC) ...
    [InlineData("2026-10-25T00:00:00Z", "2026-10-26T01:00:00Z")] // ... only: the repeated 02:00 CET (01:00 UTC) is not a second run
    public void Next_DailyAtTwoInBerlin_FollowsDaylightSavingTime(string after, string expected)
    {
        Berlin().Next(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Next_SixFields_SecondsFirst()
    {
        // Every 10 seconds: the next multiple of 10 after 01:00:03.
        Berlin("*/10 * * * * *").Next(new DateTimeOffset(2026, 12, 1, 1, 0, 3, TimeSpan.Zero))
            .Should().Be(new DateTimeOffset(2026, 12, 1, 1, 0, 10, TimeSpan.Zero));
    }

    [Fact]
    public void Local_AnInstant_ShownInTheZoneWithItsOffset()
    {
        Berlin().Local(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero)).Should().Be("2026-12-01 02:00:00 +01:00 (Europe/Berlin)");
    }

    [Theory]
    [InlineData("0 2 * *", "Europe/Berlin", true, false)]
    [InlineData("61 2 * * *", "Europe/Berlin", true, false)]
    [InlineData("0 2 * * *", "Mars/Olympus_Mons", false, true)]
    public void Parse_BadExpressionOrZone_SaysWhich(string cron, string zone, bool cronBad, bool zoneBad)
    {
        CronSchedule.Parse(cron, zone, out var cronProblem, out var zoneProblem);

        (cronProblem is not null).Should().Be(cronBad);
        (zoneProblem is not null).Should().Be(zoneBad);
    }
}

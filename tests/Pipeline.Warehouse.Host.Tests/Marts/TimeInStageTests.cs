namespace Pipeline.Warehouse.Host.Tests.Marts;

/// <summary>One row of marts.time_in_stage_monthly.</summary>
public sealed record TimeInStageRow(long Entries, double Median, double Mean, double P75);

/// <summary>
/// marts.time_in_stage_monthly (METRICS.md section 5): durations of the entries of a stage whose
/// next entry falls in the month; T = 2026-12-01. Deals are EMEA / X unless said otherwise.
/// </summary>
public sealed class TimeInStageRun() : MartsRun(Input.Deals, Input.History)
{
    private static readonly (string Deals, string History) Input = Files(
        // demo entries ending in March 2026: 2, 1, 4 and 10 (APAC) days.
        Timeline("T_FEB_MAR", null, ("demo", "2026-02-27T00:00:00Z"), ("closed_won", "2026-03-01T00:00:00Z")),
        Timeline("T_ONE_DAY", null, ("demo", "2026-03-02T00:00:00Z"), ("negotiation", "2026-03-03T00:00:00Z")),
        Timeline("T_FOUR", null, ("demo", "2026-03-05T00:00:00Z"), ("closed_lost", "2026-03-09T00:00:00Z")),
        Timeline("T_TEN", new Grain(Region: "APAC"), ("demo", "2026-03-10T00:00:00Z"), ("closed_lost", "2026-03-20T00:00:00Z")),
        // A demo entry ending one second before March.
        Timeline("T_FEB", null, ("demo", "2026-02-20T00:00:00Z"), ("influencer_buy_in", "2026-02-28T23:59:59Z")),
        // Still in demo (age 261 days at T): not counted.
        Timeline("T_OPEN", null, ("demo", "2026-03-15T00:00:00Z")),
        // opportunity entries ending in April: 1, 3 and 8 days.
        Timeline("T_OPP_1", null, ("opportunity", "2026-04-01T00:00:00Z"), ("closed_lost", "2026-04-02T00:00:00Z")),
        Timeline("T_OPP_3", null, ("opportunity", "2026-04-01T00:00:00Z"), ("closed_lost", "2026-04-04T00:00:00Z")),
        Timeline("T_OPP_8", null, ("opportunity", "2026-04-01T00:00:00Z"), ("closed_lost", "2026-04-09T00:00:00Z")),
        // Lost and reopened in May: negotiation 4 days, closed_lost 3 days, negotiation 2 days.
        Timeline("T_REOPEN", null, ("negotiation", "2026-05-01T00:00:00Z"), ("closed_lost", "2026-05-05T00:00:00Z"),
            ("negotiation", "2026-05-08T00:00:00Z"), ("closed_won", "2026-05-10T00:00:00Z")));

    public List<(string Month, string Stage, TimeInStageRow Row)> Stages(string type = "all", string value = "all") => Rows("""
            select cast(month as varchar), stage, entries, median_days, mean_days, p75_days
            from marts.time_in_stage_monthly where segment_type = $type and segment_value = $value
            order by month, stage
            """,
            ("type", type),
            ("value", value))
        .Select(r => ((string)r[0]!, (string)r[1]!, new TimeInStageRow(Long(r[2]), Double(r[3])!.Value, Double(r[4])!.Value, Double(r[5])!.Value)))
        .ToList();

    public TimeInStageRow Stage(string month, string stage, string type = "all", string value = "all") =>
        Stages(type, value).Single(s => s.Month == month && s.Stage == stage).Row;
}

public sealed class TimeInStageTests(TimeInStageRun run) : IClassFixture<TimeInStageRun>
{
    [Fact]
    public void TimeInStage_EvenCount_MedianIsMeanOfTwoMiddleValues()
    {
        // demo, March: T_FEB_MAR 02-27 -> 03-01 = 2 days (it entered in February; its next
        // entry is in March), T_ONE_DAY 1, T_FOUR 4, T_TEN 10. Sorted 1, 2, 4, 10:
        // median (2 + 4) / 2 = 3 (not the mean); mean 17 / 4 = 4.25;
        // p75 at position 0.75 * (4 - 1) = 2.25: 4 + 0.25 * (10 - 4) = 5.5.
        run.Stage("2026-03-01", "demo").Should().BeEquivalentTo(new TimeInStageRow(4, 3, 4.25, 5.5),
            o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, MartsRun.Precision)).WhenTypeIs<double>());
    }

    [Fact]
    public void TimeInStage_OddCount_MedianIsMiddleValue()
    {
        // opportunity, April: 1, 3, 8: median 3, mean 12 / 3 = 4;
        // p75 at position 0.75 * 2 = 1.5: 3 + 0.5 * (8 - 3) = 5.5.
        run.Stage("2026-04-01", "opportunity").Should().BeEquivalentTo(new TimeInStageRow(3, 3, 4, 5.5),
            o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, MartsRun.Precision)).WhenTypeIs<double>());
    }

    [Fact]
    public void TimeInStage_EntryEndingBeforeMonthBoundary_CountsInEarlierMonth()
    {
        // demo, February: T_FEB only, 02-20 00:00 -> 02-28 23:59:59 = 9 days less one second.
        var february = run.Stage("2026-02-01", "demo");
        february.Entries.Should().Be(1);
        february.Median.Should().BeApproximately(9 - MartsRun.Second, MartsRun.Precision);
        february.Mean.Should().BeApproximately(9 - MartsRun.Second, MartsRun.Precision);
    }

    [Fact]
    public void TimeInStage_LastEntryOfOpenDeal_IsNotCounted()
    {
        // T_OPEN sits in demo since 03-15; T_ONE_DAY in negotiation since 03-03; T_FEB in
        // influencer_buy_in: none of these last entries has a next entry. The closed deals' last
        // (terminal) entries have none either. So the rows are exactly: February demo (T_FEB),
        // March demo (4), April opportunity (3), May negotiation (4 and 2) and closed_lost (3).
        run.Stages().Select(s => (s.Month, s.Stage, s.Row.Entries)).Should().Equal(
            ("2026-02-01", "demo", 1L),
            ("2026-03-01", "demo", 4L),
            ("2026-04-01", "opportunity", 3L),
            ("2026-05-01", "closed_lost", 1L),
            ("2026-05-01", "negotiation", 2L));
    }

    [Fact]
    public void TimeInStage_ReopenedDeal_CountsEachEntry()
    {
        // T_REOPEN: negotiation 05-01 -> 05-05 = 4 days and 05-08 -> 05-10 = 2 days: median and
        // mean 3; the closed_lost entry 05-05 -> 05-08 = 3 days is a timeline entry with a next one.
        run.Stage("2026-05-01", "negotiation").Median.Should().BeApproximately(3, MartsRun.Precision);
        run.Stage("2026-05-01", "negotiation").Mean.Should().BeApproximately(3, MartsRun.Precision);
        run.Stage("2026-05-01", "closed_lost").Median.Should().BeApproximately(3, MartsRun.Precision);
    }

    [Fact]
    public void TimeInStage_RegionSegment_SplitsDurations()
    {
        // March demo by region: APAC has T_TEN (10 days); EMEA the other three: 1, 2, 4 ->
        // median 2, mean 7 / 3, p75 at position 1.5: 2 + 0.5 * (4 - 2) = 3.
        run.Stage("2026-03-01", "demo", "region", "APAC").Should().BeEquivalentTo(new TimeInStageRow(1, 10, 10, 10),
            o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, MartsRun.Precision)).WhenTypeIs<double>());
        run.Stage("2026-03-01", "demo", "region", "EMEA").Should().BeEquivalentTo(new TimeInStageRow(3, 2, 7.0 / 3, 3),
            o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, MartsRun.Precision)).WhenTypeIs<double>());
    }
}

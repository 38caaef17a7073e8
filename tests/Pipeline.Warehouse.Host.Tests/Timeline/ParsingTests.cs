namespace Pipeline.Warehouse.Host.Tests.Timeline;

/// <summary>
/// Timestamps as UTC (METRICS.md section 1, INPUTS.md "Timestamps") and the lead-type and
/// company-size mappings as fact_deal shows them; T = 2026-12-01 00:00 UTC.
/// </summary>
public sealed class ParsingRun() : TimelineRun(
    DealLine("P1", "2026-03-01T01:00:00+02:00", "Closed won", expectedClose: "2026-03-31")
        + DealLine("P2", "2026-11-01", "Demo")
        + DealLine("P3", "2026-11-01", "Negotiation")
        + DealLine("P4", "2026-05-01T00:00:00Z", "Demo")
        + DealLine("L1", "2026-04-01", "Lead", leadType: "Warm Call", companySize: "99")
        + DealLine("L2", "2026-04-01", "Lead", leadType: "warm-call", companySize: "100")
        + DealLine("L3", "2026-04-01", "Lead", leadType: "M.Q.L.", companySize: "999")
        + DealLine("L4", "2026-04-01", "Lead", leadType: "Billboard", companySize: "1000")
        + DealLine("L5", "2026-04-01", "Lead")
        + DealLine("L6", "2026-04-01", "Lead", leadType: "REFERRAL", companySize: "Mid-Market"),
    // P1: one stage per timestamp form.
    HistoryLine("P1", "Lead", "2026-03-01T10:00:00+02:00")
        + HistoryLine("P1", "Connect call", "2026-03-02T10:00:00.000+0000")
        + HistoryLine("P1", "Discovery call", "2026-03-03T10:00:00+02")
        + HistoryLine("P1", "Opportunity", "2026-03-04")
        + HistoryLine("P1", "Demo", "2026-03-05 10:00")
        + HistoryLine("P1", "Negotiation", "2026-03-06T10:00:00Z")
        + HistoryLine("P1", "Closed won", "2026-03-07T01:00:00-05:00")
        // P2: local 12-01 01:00 at +02:00 is 11-30 23:00 UTC, before T.
        + HistoryLine("P2", "Lead", "2026-11-01")
        + HistoryLine("P2", "Demo", "2026-12-01T01:00:00+02:00")
        // P3: local 11-30 20:00 at -05:00 is 12-01 01:00 UTC, after T.
        + HistoryLine("P3", "Lead", "2026-11-01")
        + HistoryLine("P3", "Negotiation", "2026-11-30T20:00:00-05:00")
        // P4: fractional seconds and a half-hour offset.
        + HistoryLine("P4", "Lead", "2026-05-01T00:00:00Z")
        + HistoryLine("P4", "Connect call", "2026-05-01T12:00:00.500Z")
        + HistoryLine("P4", "Demo", "2026-05-02T05:30:00+05:30"));

public sealed class ParsingTests(ParsingRun run) : IClassFixture<ParsingRun>
{
    [Fact]
    public void EnteredAt_EachIsoForm_IsStoredAsUtc()
    {
        // 10:00+02:00 -> 08:00; 10:00.000+0000 -> 10:00; 10:00+02 -> 08:00; a date -> 00:00;
        // "2026-03-05 10:00" without offset -> 10:00; 10:00Z -> 10:00; 01:00-05:00 -> 06:00.
        run.Entries("P1").Select(e => (e.Stage, e.EnteredAt)).Should().Equal(
            ("lead", TimelineRun.Utc(2026, 3, 1, 8)),
            ("connect_call", TimelineRun.Utc(2026, 3, 2, 10)),
            ("discovery_call", TimelineRun.Utc(2026, 3, 3, 8)),
            ("opportunity", TimelineRun.Utc(2026, 3, 4)),
            ("demo", TimelineRun.Utc(2026, 3, 5, 10)),
            ("negotiation", TimelineRun.Utc(2026, 3, 6, 10)),
            ("closed_won", TimelineRun.Utc(2026, 3, 7, 6)));
    }

    [Fact]
    public void DaysInStage_EntriesWithOffsets_AreMeasuredInUtc()
    {
        // lead 03-01 08:00 -> connect_call 03-02 10:00 = 1 day 2 hours;
        // discovery_call 03-03 08:00 -> opportunity 03-04 00:00 = 16 hours.
        var entries = run.Entries("P1");

        entries[0].DaysInStage.Should().BeApproximately(1 + (2 * TimelineRun.Hour), TimelineRun.Precision);
        entries[2].DaysInStage.Should().BeApproximately(16 * TimelineRun.Hour, TimelineRun.Precision);
    }

    [Fact]
    public void DaysInStage_FractionalSecondsAndHalfHourOffset_AreExact()
    {
        var entries = run.Entries("P4");

        // 05-02 05:30+05:30 is 05-02 00:00 UTC. lead 05-01 00:00 -> 12:00:00.5 = half a day and
        // half a second; connect_call 12:00:00.5 -> 05-02 00:00 = half a day less half a second.
        entries[2].EnteredAt.Should().Be(TimelineRun.Utc(2026, 5, 2));
        entries[0].DaysInStage.Should().BeApproximately(0.5 + (0.5 * TimelineRun.Second), TimelineRun.Precision);
        entries[1].DaysInStage.Should().BeApproximately(0.5 - (0.5 * TimelineRun.Second), TimelineRun.Precision);
    }

    [Fact]
    public void CreatedAt_WithOffset_CrossesIntoPreviousUtcDay()
    {
        var deal = run.RequiredDeal("P1");

        // created 03-01 01:00+02:00 = 02-28 23:00 UTC, before the first entry: the start.
        // Won at 03-07 06:00 UTC: cycle = 02-28 23:00 -> 03-07 06:00 = 6 days 7 hours.
        deal.CreatedAt.Should().Be(TimelineRun.Utc(2026, 2, 28, 23));
        deal.StartAt.Should().Be(TimelineRun.Utc(2026, 2, 28, 23));
        deal.ClosedAt.Should().Be(TimelineRun.Utc(2026, 3, 7, 6));
        deal.CycleDays.Should().BeApproximately(6 + (7 * TimelineRun.Hour), TimelineRun.Precision);
        deal.ExpectedCloseDate.Should().Be(new DateOnly(2026, 3, 31));
    }

    [Fact]
    public void AsOf_OffsetLocalDateAfterAsOf_IsKeptWhenUtcIsBeforeT()
    {
        var entries = run.Entries("P2");

        // 12-01 01:00+02:00 = 11-30 23:00 UTC < T: demo is kept, aged 1 hour.
        entries.Select(e => e.Stage).Should().Equal("lead", "demo");
        entries[1].EnteredAt.Should().Be(TimelineRun.Utc(2026, 11, 30, 23));
        entries[1].DaysInStage.Should().BeApproximately(TimelineRun.Hour, TimelineRun.Precision);
    }

    [Fact]
    public void AsOf_OffsetLocalDateBeforeAsOf_IsIgnoredWhenUtcIsAtOrAfterT()
    {
        // 11-30 20:00-05:00 = 12-01 01:00 UTC >= T: negotiation is ignored; an open lead since
        // 11-01 (date only: midnight UTC), aged 30 days.
        var entries = run.Entries("P3");

        entries.Should().ContainSingle();
        entries[0].Stage.Should().Be("lead");
        entries[0].EnteredAt.Should().Be(TimelineRun.Utc(2026, 11, 1));
        entries[0].DaysInStage.Should().BeApproximately(30, TimelineRun.Precision);
        run.RequiredDeal("P3").CreatedAt.Should().Be(TimelineRun.Utc(2026, 11, 1));
    }

    [Theory]
    // Labels compare ignoring case, spaces, hyphens and dots: "Warm Call" and "warm-call" are
    // warm_call, "M.Q.L." is mql, "REFERRAL" is referral; "Billboard" is not in the map and an
    // empty label is missing: both unknown.
    [InlineData("L1", "warm_call", "Warm Call")]
    [InlineData("L2", "warm_call", "warm-call")]
    [InlineData("L3", "mql", "M.Q.L.")]
    [InlineData("L4", "unknown", "Billboard")]
    [InlineData("L5", "unknown", null)]
    [InlineData("L6", "referral", "REFERRAL")]
    public void LeadType_Label_MapsToCanonicalOrUnknown(string dealId, string leadType, string? label)
    {
        var deal = run.RequiredDeal(dealId);

        deal.LeadType.Should().Be(leadType);
        deal.LeadTypeLabel.Should().Be(label);
    }

    [Theory]
    // Employee counts: < 100 smb, 100-999 mid_market, >= 1000 enterprise; a size label is
    // compared like a stage label ("Mid-Market" -> mid_market); empty is unknown.
    [InlineData("L1", "smb")]
    [InlineData("L2", "mid_market")]
    [InlineData("L3", "mid_market")]
    [InlineData("L4", "enterprise")]
    [InlineData("L5", "unknown")]
    [InlineData("L6", "mid_market")]
    public void CompanySize_EmployeeCountOrLabel_MapsToBand(string dealId, string companySize)
    {
        run.RequiredDeal(dealId).CompanySize.Should().Be(companySize);
    }

    [Fact]
    public void CreatedAt_DateOnly_IsMidnightUtc()
    {
        // "2026-04-01" -> 2026-04-01 00:00 UTC; L1 has no history, so its synthesized lead entry
        // is at that instant too.
        run.RequiredDeal("L1").CreatedAt.Should().Be(TimelineRun.Utc(2026, 4, 1));
        run.Entries("L1").Should().ContainSingle().Which.EnteredAt.Should().Be(TimelineRun.Utc(2026, 4, 1));
    }
}

namespace Pipeline.Warehouse.Host.Tests.Marts;

/// <summary>One row of marts.outcomes_monthly.</summary>
public sealed record OutcomeRow(
    string Month,
    string Rep,
    string Region,
    string Product,
    string CompanySize,
    string LeadType,
    long Won,
    long Lost,
    decimal AmountWon,
    decimal AmountLost,
    double CycleDaysWonSum,
    long WonWithAmount,
    long LostWithAmount);

/// <summary>
/// marts.outcomes_monthly (METRICS.md section 5): closes by month of closed_at; T = 2026-12-01.
/// Deals are R1 / EMEA / X / unknown size and lead type unless said otherwise.
/// </summary>
public sealed class OutcomeRun : MartsRun
{
    private static readonly (string Deals, string History) Input = Files(
        Timeline("O_WON_A", new Grain(Amount: "1000"), ("lead", "2026-03-01T00:00:00Z"), ("closed_won", "2026-03-11T00:00:00Z")),
        Timeline("O_WON_NO_AMOUNT", new Grain(Amount: ""), ("lead", "2026-03-05T00:00:00Z"), ("closed_won", "2026-03-25T12:00:00Z")),
        Timeline("O_LOST_A", new Grain(Amount: "400"), ("lead", "2026-02-20T00:00:00Z"), ("closed_lost", "2026-03-31T23:59:59Z")),
        Timeline("O_LOST_B", new Grain(Amount: "250.50"), ("lead", "2026-03-15T00:00:00Z"), ("closed_lost", "2026-04-01T00:00:00Z")),
        Timeline("O_LOST_NO_AMOUNT", new Grain(Amount: ""), ("lead", "2026-03-20T00:00:00Z"), ("closed_lost", "2026-04-10T00:00:00Z")),
        Timeline("O_OPEN", null, ("lead", "2026-03-01T00:00:00Z"), ("demo", "2026-03-05T00:00:00Z")),
        // Lost in April, reopened, won in May.
        Timeline("O_REOPEN", new Grain(Amount: "700"), ("lead", "2026-04-01T00:00:00Z"), ("closed_lost", "2026-04-05T00:00:00Z"),
            ("negotiation", "2026-04-20T00:00:00Z"), ("closed_won", "2026-05-02T00:00:00Z")),
        // Won in June, reopened, open.
        Timeline("O_WON_REOPENED", null, ("lead", "2026-06-01T00:00:00Z"), ("closed_won", "2026-06-05T00:00:00Z"),
            ("negotiation", "2026-06-10T00:00:00Z")),
        Timeline("O_OTHER", new Grain("R2", "APAC", "Y", "smb", "referral", "300"), ("lead", "2026-03-01T00:00:00Z"),
            ("closed_won", "2026-03-04T00:00:00Z")));

    public OutcomeRun()
        : base(
            // Created on 02-25, before its first entry (03-01): it starts on 02-25.
            Input.Deals + DealLine("O_WON_EARLY", "2026-02-25T00:00:00Z", "closed_won", new Grain(Amount: "500")),
            Input.History + HistoryLine("O_WON_EARLY", "lead", "2026-03-01T00:00:00Z") + HistoryLine("O_WON_EARLY", "closed_won", "2026-03-06T00:00:00Z"))
    {
    }

    public List<OutcomeRow> Outcomes() => Rows("""
            select cast(month as varchar), rep_id, region, product, company_size, lead_type, won, lost,
                amount_won, amount_lost, cycle_days_won_sum, won_with_amount, lost_with_amount
            from marts.outcomes_monthly order by month, rep_id
            """)
        .Select(r => new OutcomeRow(
            (string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, (string)r[5]!,
            Long(r[6]), Long(r[7]), Decimal(r[8]), Decimal(r[9]), Double(r[10])!.Value, Long(r[11]), Long(r[12])))
        .ToList();
}

public sealed class OutcomeTests(OutcomeRun run) : IClassFixture<OutcomeRun>
{
    [Fact]
    public void OutcomesMonthly_ClosedDeals_CountedByMonthOfClosedAt()
    {
        // March, R1 cell: won O_WON_A (03-11), O_WON_NO_AMOUNT (03-25), O_WON_EARLY (03-06);
        // lost O_LOST_A (03-31 23:59:59, still March). R2 cell: O_OTHER won 03-04.
        // April: O_LOST_B (04-01 00:00, the first instant of April) and O_LOST_NO_AMOUNT lost.
        // May: O_REOPEN won (its loss on 04-05 was reopened: not counted in April).
        // O_OPEN and O_WON_REOPENED (won 06-05, reopened 06-10) are open: no June row.
        run.Outcomes().Select(o => (o.Month, o.Rep, o.Won, o.Lost)).Should().Equal(
            ("2026-03-01", "R1", 3L, 1L),
            ("2026-03-01", "R2", 1L, 0L),
            ("2026-04-01", "R1", 0L, 2L),
            ("2026-05-01", "R1", 1L, 0L));
    }

    [Fact]
    public void OutcomesMonthly_DealWithoutAmount_CountsButAddsNoAmount()
    {
        // March R1: amount_won = 1000 (O_WON_A) + 500 (O_WON_EARLY) + nothing (O_WON_NO_AMOUNT)
        // = 1500.00, over won_with_amount = 2 of the 3 won; amount_lost = 400.00 (1 of 1).
        // April: amount_won 0.00 (none won), amount_lost = 250.50 + nothing = 250.50, 1 of 2 with an amount.
        // May: 700.00 won. R2 March: 300.00 won, 0.00 lost.
        run.Outcomes().Select(o => (o.Month, o.Rep, o.AmountWon, o.WonWithAmount, o.AmountLost, o.LostWithAmount)).Should().Equal(
            ("2026-03-01", "R1", 1500.00m, 2L, 400.00m, 1L),
            ("2026-03-01", "R2", 300.00m, 1L, 0.00m, 0L),
            ("2026-04-01", "R1", 0.00m, 0L, 250.50m, 1L),
            ("2026-05-01", "R1", 700.00m, 1L, 0.00m, 0L));
    }

    [Fact]
    public void OutcomesMonthly_CycleDaysWonSum_SumsWonCyclesFromStart()
    {
        // March R1: O_WON_A 03-01 -> 03-11 = 10 days; O_WON_NO_AMOUNT 03-05 -> 03-25 12:00 = 20.5;
        // O_WON_EARLY starts at its created_at 02-25 (before its first entry): 02-25 -> 03-06 =
        // 4 + 5 = 9 days (February 2026 has 28 days). Sum 39.5; the lost O_LOST_A adds nothing.
        // R2 March: 03-01 -> 03-04 = 3. April: no won deal, 0. May: O_REOPEN 04-01 -> 05-02 = 31.
        var cycles = run.Outcomes().Select(o => o.CycleDaysWonSum).ToList();
        cycles.Should().HaveCount(4);
        cycles[0].Should().BeApproximately(39.5, MartsRun.Precision);
        cycles[1].Should().BeApproximately(3, MartsRun.Precision);
        cycles[2].Should().Be(0);
        cycles[3].Should().BeApproximately(31, MartsRun.Precision);
    }

    [Fact]
    public void OutcomesMonthly_GrainColumns_ComeFromDeal()
    {
        // O_OTHER is R2 / APAC / Y / smb / referral; every other deal R1 / EMEA / X / unknown / unknown.
        run.Outcomes().Select(o => (o.Rep, o.Region, o.Product, o.CompanySize, o.LeadType)).Distinct().Should().Equal(
            ("R1", "EMEA", "X", "unknown", "unknown"),
            ("R2", "APAC", "Y", "smb", "referral"));
    }
}

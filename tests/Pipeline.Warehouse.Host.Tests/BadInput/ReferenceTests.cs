using Pipeline.Warehouse.Host.Tests.Fixtures;
using static Pipeline.Warehouse.Host.Tests.BadInput.Exports;

namespace Pipeline.Warehouse.Host.Tests.BadInput;

/// <summary>
/// INPUTS.md "Bad input": rows that name something that did not load: a history row for an unknown
/// or rejected deal, a rep_id anywhere that is not a loaded row of reps.csv.
/// </summary>
public sealed class ReferenceTests
{
    private const string AmountReason = "is not an amount. Write digits with an optional sign and currency symbol ($ € £ ¥), commas between thousands and a point before the cents, e.g. $1,234.50; or leave it empty.";

    [Fact]
    public void Run_HistoryRowForUnknownDeal_RejectedAskingToExportTheDeal()
    {
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(GoodDeals(1)))
            .WithFile("stage_history.csv", Histories(History("D1"), History("D9"), History("D1", "Demo", "2026-01-05")));

        run.Run(configJson: Lenient);

        run.SingleRejection("stage_history.csv").Should().Be(new Rejection("stage_history.csv", 3, "deal_id", "D9",
            "deal_id \"D9\" names a deal that is not in deals.csv. Export the deal too, or drop its history rows."));
        run.Outcome("stage_history.csv").Should().Be(new FileOutcome(Rows: 3, Loaded: 2, Rejected: 1, Duplicates: 0));
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_HistoryRowsOfRejectedDeal_RejectedNamingTheDealsOwnRejectionAndLine()
    {
        // deals.csv: D1 line 2, D2 line 3 with amount "twelve". History: D1 line 2, D2 lines 3 and 4.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1"), Deal("D2", amount: "twelve")))
            .WithFile("stage_history.csv", Histories(History("D1"), History("D2"), History("D2", "Demo", "2026-01-05")));

        run.Run(configJson: Lenient);

        var expected = $"deal_id \"D2\" names a deal that was rejected (deals.csv line 3: amount \"twelve\" {AmountReason}). Fix that deal's row and this row loads with it.";
        run.Rejections("stage_history.csv").Should().Equal(
            new Rejection("stage_history.csv", 3, "deal_id", "D2", expected),
            new Rejection("stage_history.csv", 4, "deal_id", "D2", expected));
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_HistoryOfRejectedDealInFileNamedOtherwise_ReasonNamesTheFileAsFound()
    {
        // The deals file is "Deals.CSV" (names match ignoring case); the history reason points at that file.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("Deals.CSV", Deals(Deal("D1", amount: "twelve")))
            .WithFile("stage_history.csv", Histories(History("D1")));

        run.Run(configJson: Lenient, allowShrink: true); // its only deal is rejected: an export with no deals

        run.SingleRejection("stage_history.csv").Reason.Should().Contain("names a deal that was rejected (Deals.CSV line 2: amount \"twelve\"");
    }

    [Fact]
    public void Run_HistoryRowsOfMalformedDeal_RejectedNamingTheDealsOwnRejectionAndLine()
    {
        // deals.csv line 3: D2's name "Acme, Inc" is not quoted, so the record has 15 fields. The deal is in
        // deals.csv but rejected; its history rows (lines 3-4) must say so, not that the deal is missing.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1"), Deal("D2", name: "Acme, Inc", lossReason: "Price")))
            .WithFile("stage_history.csv", Histories(History("D1"), History("D2"), History("D2", "Demo", "2026-01-05")));

        run.Run(configJson: Lenient);

        var expected = "deal_id \"D2\" names a deal that was rejected (deals.csv line 3: The record has 15 fields but the header has 14. "
            + "Quote values that contain commas (\"Smith, Jones\") or remove the extra fields.). Fix that deal's row and this row loads with it.";
        run.Rejections("stage_history.csv").Should().Equal(
            new Rejection("stage_history.csv", 3, "deal_id", "D2", expected),
            new Rejection("stage_history.csv", 4, "deal_id", "D2", expected));
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_HistoryOfDealWhoseSecondRowWasRejected_LoadsWithTheFirstRow()
    {
        // D1 loads from line 2; its conflicting row on line 3 is rejected, but the deal exists, so its history loads.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1"), Deal("D1", amount: "200")))
            .WithFile("stage_history.csv", Histories(History("D1")));

        run.Run(configJson: Lenient);

        run.Rejections("stage_history.csv").Should().BeEmpty();
        run.Outcome("stage_history.csv").Should().Be(new FileOutcome(Rows: 1, Loaded: 1, Rejected: 0, Duplicates: 0));
    }

    [Fact]
    public void Run_RepIdNotInReps_RejectedInDealsHistoryAndQuotas()
    {
        const string NotLoaded = "names a rep who is not a loaded row of reps.csv. Add the rep to reps.csv (or fix that rep's row there), or correct the id.";
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1"), Deal("D2", rep: "R9")))
            .WithFile("stage_history.csv", Histories(History("D1", rep: "R1"), History("D1", "Demo", "2026-01-05", rep: "R9")))
            .WithFile("quotas.csv", QuotasHeader + Quota("R1") + Quota("R9"));

        run.Run(configJson: Lenient);

        run.Rejections().Should().Equal(
            new Rejection("deals.csv", 3, "rep_id", "R9", $"rep_id \"R9\" {NotLoaded}"),
            new Rejection("quotas.csv", 3, "rep_id", "R9", $"rep_id \"R9\" {NotLoaded}"),
            new Rejection("stage_history.csv", 3, "rep_id", "R9",
                "rep_id \"R9\" names a rep who is not a loaded row of reps.csv. Add the rep to reps.csv (or fix that rep's row there), correct the id, or leave it empty."));
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_RepRejectedInReps_ItsDealsRejectedToo()
    {
        // R4 on reps.csv line 5 has no team, so it is not a loaded rep: the deal of R4 (line 3) is rejected,
        // and its history row with it. A deal of R1 and an empty history rep_id load.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps + "R4,Dee,,,,EMEA,true\n")
            .WithFile("deals.csv", Deals(Deal("D1"), Deal("D2", rep: "R4")))
            .WithFile("stage_history.csv", Histories(History("D1", rep: ""), History("D2", rep: "R4")));

        run.Run(configJson: Lenient);

        run.Rejections().Select(r => (r.File, r.Line, r.Column, r.Value)).Should().Equal(
            ("deals.csv", 3L, "rep_id", "R4"),
            ("reps.csv", 5L, "team", ""),
            ("stage_history.csv", 3L, "deal_id", "D2"));
        run.Rejections("stage_history.csv")[0].Reason.Should().Contain("(deals.csv line 3: rep_id \"R4\" names a rep who is not a loaded row of reps.csv.");
        run.ShouldAccountForEveryRow();
    }
}

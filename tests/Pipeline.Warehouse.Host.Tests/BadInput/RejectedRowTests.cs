using Pipeline.Warehouse.Host.Tests.Fixtures;
using static Pipeline.Warehouse.Host.Tests.BadInput.Exports;

namespace Pipeline.Warehouse.Host.Tests.BadInput;

/// <summary>
/// INPUTS.md "Bad input": a bad row goes to meta.rejected_row with file, line, column, value and a
/// reason that says how to fix it; the rest loads. Keys, exact duplicates, several problems.
/// </summary>
public sealed class RejectedRowTests
{
    private const string StageReason = "is a stage label the stage map does not know. Map it to a canonical stage under \"stageMap\" in the config file (lead, connect_call, discovery_call, opportunity, demo, influencer_buy_in, decision_maker_buy_in, negotiation, closed_won, closed_lost).";

    [Fact]
    public void Run_UnknownStageLabel_RejectedWithHowToMapIt()
    {
        // Labels compare ignoring case, spaces, hyphens, underscores, dots and slashes: "  closed-WON " is closed_won.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1", stage: "  closed-WON "), Deal("D2", stage: "Verbal commit")))
            .WithFile("stage_history.csv", Histories(History("D1", "Lead"), History("D1", "Won-ish", "2026-01-05")));

        run.Run(configJson: Lenient);

        run.Rejections().Should().Equal(
            new Rejection("deals.csv", 3, "stage", "Verbal commit", $"stage \"Verbal commit\" {StageReason}"),
            new Rejection("stage_history.csv", 3, "stage", "Won-ish", $"stage \"Won-ish\" {StageReason}"));
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_UnknownStageLabelMappedInConfig_Loads()
    {
        // Following the reason's advice: "Verbal commit" -> negotiation in stageMap.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1", stage: "Verbal commit")))
            .WithFile("stage_history.csv", Histories(History("D1", "verbal-commit")));

        run.Run(configJson: """{"stageMap": {"Verbal commit": "negotiation"}}""");

        run.Rejections().Should().BeEmpty();
        run.Scalar<string>("select current_stage from core.fact_deal where deal_id = 'D1'").Should().Be("negotiation");
    }

    [Fact]
    public void Run_EmptyRequiredFieldInDeals_RejectedNamingTheColumn()
    {
        // One empty required field per row, lines 3-8; a field of spaces is empty too (line 9).
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(
                Deal("D1"),
                Deal("", name: "no id"),
                Deal("D3", rep: ""),
                Deal("D4", region: ""),
                Deal("D5", product: ""),
                Deal("D6", createdAt: ""),
                Deal("D7", stage: ""),
                Deal("D8", region: "   ")));

        run.Run(configJson: Lenient);

        run.Rejections().Should().Equal(
            new Rejection("deals.csv", 3, "deal_id", "", "deal_id is empty. Every deal needs its id from the CRM."),
            new Rejection("deals.csv", 4, "rep_id", "", "rep_id is empty. Every deal needs the rep who owns it, by the rep_id of reps.csv."),
            new Rejection("deals.csv", 5, "region", "", "region is empty. Give the region the deal is sold in."),
            new Rejection("deals.csv", 6, "product", "", "product is empty. Give the product the deal is for."),
            new Rejection("deals.csv", 7, "created_at", "", "created_at is empty. Every deal needs the time it was created (ISO 8601, e.g. 2024-03-01T10:00:00Z)."),
            new Rejection("deals.csv", 8, "stage", "", "stage is empty. Every deal needs its current stage."),
            new Rejection("deals.csv", 9, "region", "", "region is empty. Give the region the deal is sold in."));
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 8, Loaded: 1, Rejected: 7, Duplicates: 0));
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_EmptyRequiredFieldInRepsHistoryAndQuotas_RejectedNamingTheColumn()
    {
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps + ",Nobody,,,East,EMEA,\nR5,,,,East,EMEA,\nR6,Fay,,,,EMEA,\nR7,Gus,,,East,,\n")
            .WithFile("deals.csv", Deals(GoodDeals(1)))
            .WithFile("stage_history.csv", Histories(History("D1"), History("", "Demo"), History("D1", ""), History("D1", "Demo", "")))
            .WithFile("quotas.csv", QuotasHeader + Quota("R1") + Quota("", start: "2026-04-01") + Quota("R2", quota: "") + Quota("R3", end: ""));

        run.Run(configJson: Lenient);

        // reps.csv: R1-R3 on lines 2-4, then the bad rows on lines 5-8.
        run.Rejections("reps.csv").Select(r => (r.Line, r.Column, r.Reason)).Should().Equal(
            (5L, "rep_id", "rep_id is empty. Every rep needs the id that deals.csv uses for them."),
            (6L, "rep_name", "rep_name is empty. Give the rep's name as the reports should show it."),
            (7L, "team", "team is empty. Give the team the rep belongs to (managers' workbooks group reps by team)."),
            (8L, "region", "region is empty. Give the rep's sales region."));
        run.Rejections("stage_history.csv").Select(r => (r.Line, r.Column, r.Reason)).Should().Equal(
            (3L, "deal_id", "deal_id is empty. Every history row needs the deal_id of its deal in deals.csv."),
            (4L, "stage", "stage is empty. Every history row needs the stage the deal entered."),
            (5L, "entered_at", "entered_at is empty. Every history row needs the time the stage was entered (ISO 8601, e.g. 2024-03-01T10:00:00Z)."));
        run.Rejections("quotas.csv").Select(r => (r.Line, r.Column, r.Reason)).Should().Equal(
            (3L, "rep_id", "rep_id is empty. Every quota belongs to a rep of reps.csv."),
            (4L, "quota", "quota is empty or not an amount. Write digits with an optional currency symbol and commas between thousands, e.g. $250,000."),
            (5L, "period_end", "period_end is empty or not a date. Write ISO 8601 (2024-01-01)."));
        run.Rejections().Should().OnlyContain(r => r.Value == "");
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_SecondRowForKeyWithDifferentValues_RejectedNamingTheFirstRowsLine()
    {
        // deals: D1 on line 2, again on line 4 with another amount. reps: R1 on line 2, again on line 5
        // with another name. quotas: (R1, 2026-01-01) on line 2, again on line 4 with another quota.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps + "R1,Ann Smith,,,East,EMEA,true\n")
            .WithFile("deals.csv", Deals(Deal("D1"), Deal("D2"), Deal("D1", amount: "200")))
            .WithFile("quotas.csv", QuotasHeader + Quota("R1") + Quota("R2") + Quota("R1", quota: "60000"));

        run.Run(configJson: Lenient);

        run.Rejections().Should().Equal(
            new Rejection("deals.csv", 4, "deal_id", "D1", "deal_id \"D1\" repeats the id of an earlier deal row with different values; the first row for it is on line 2. Keep one row per deal, or make the rows identical."),
            new Rejection("quotas.csv", 4, "period_start", "2026-01-01", "period_start \"2026-01-01\" repeats a (rep_id, period_start) with different values; the first row for it is on line 2. Keep one quota per rep and period."),
            new Rejection("reps.csv", 5, "rep_id", "R1", "rep_id \"R1\" repeats the id of an earlier rep row with different values; the first row for it is on line 2. Keep one row per rep, or make the rows identical."));
        // The first rows load: D1 with 100, R1 as Ann Lee, R1's quota 50000.
        run.Scalar<decimal>("select amount from core.fact_deal where deal_id = 'D1'").Should().Be(100m);
        run.Scalar<string>("select rep_name from core.dim_rep where rep_id = 'R1'").Should().Be("Ann Lee");
        run.Scalar<decimal>("select quota from core.fact_quota where rep_id = 'R1'").Should().Be(50000m);
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_FirstRowOfKeyRejected_NextGoodRowLoads()
    {
        // D1 on line 2 has a bad amount; the next D1 (line 3) has no problem of its own, so it is the row that loads.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1", amount: "twelve"), Deal("D1", amount: "12")));

        run.Run(configJson: Lenient);

        run.SingleRejection("deals.csv").Should().BeEquivalentTo(new { Line = 2L, Column = "amount", Value = "twelve" });
        run.Scalar<decimal>("select amount from core.fact_deal where deal_id = 'D1'").Should().Be(12m);
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 2, Loaded: 1, Rejected: 1, Duplicates: 0));
    }

    [Fact]
    public void Run_ExactDuplicateRows_CountedAsDuplicatesNotRejected()
    {
        // Every file repeats one row byte for byte: one duplicate each, nothing rejected, nothing loaded twice.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps + "R3,Cy Doe,cy@example.com,,West,APAC,true\n")
            .WithFile("deals.csv", Deals(Deal("D1"), Deal("D2"), Deal("D1")))
            .WithFile("stage_history.csv", Histories(History("D1"), History("D1", "Demo", "2026-01-05"), History("D1")))
            .WithFile("quotas.csv", QuotasHeader + Quota("R1") + Quota("R1"));

        run.Run();

        run.Rejections().Should().BeEmpty();
        run.Outcome("reps.csv").Should().Be(new FileOutcome(Rows: 4, Loaded: 3, Rejected: 0, Duplicates: 1));
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 3, Loaded: 2, Rejected: 0, Duplicates: 1));
        run.Outcome("stage_history.csv").Should().Be(new FileOutcome(Rows: 3, Loaded: 2, Rejected: 0, Duplicates: 1));
        run.Outcome("quotas.csv").Should().Be(new FileOutcome(Rows: 2, Loaded: 1, Rejected: 0, Duplicates: 1));
        run.Scalar<long>("select count(*) from core.fact_deal").Should().Be(2);
        run.Scalar<long>("select count(*) from core.fact_stage_transition where deal_id = 'D1'").Should().Be(2);
        run.Scalar<long>("select count(*) from core.dim_rep").Should().Be(3);
        run.Scalar<long>("select count(*) from core.fact_quota").Should().Be(1);
    }

    [Fact]
    public void Run_RowWithSeveralProblems_RejectedOnceForTheFirst()
    {
        // Line 3: unknown rep, bad amount, impossible date and unknown stage; the first in column order is rep_id.
        // Line 4: empty deal_id and an unknown stage: deal_id. History line 2: unknown deal and unknown stage: deal_id.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(
                Deal("D1"),
                Deal("D2", rep: "R9", amount: "twelve", createdAt: "2025-02-30", stage: "Bogus"),
                Deal("", stage: "Bogus")))
            .WithFile("stage_history.csv", Histories(History("D9", "Bogus", "2025-02-30")));

        run.Run(configJson: Lenient);

        run.Rejections().Select(r => (r.File, r.Line, r.Column, r.Value)).Should().Equal(
            ("deals.csv", 3L, "rep_id", "R9"),
            ("deals.csv", 4L, "deal_id", ""),
            ("stage_history.csv", 2L, "deal_id", "D9"));
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 3, Loaded: 1, Rejected: 2, Duplicates: 0));
        run.ShouldAccountForEveryRow();
    }
}

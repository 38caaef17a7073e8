using System.Globalization;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Timeline;

/// <summary>One row of core.fact_stage_transition.</summary>
public sealed record Entry(
    int Seq,
    string Stage,
    int? StageOrder,
    DateTime EnteredAt,
    DateTime? ExitedAt,
    string? NextStage,
    double? DaysInStage,
    bool IsRegression,
    bool IsSynthesized);

/// <summary>The timeline columns of one row of core.fact_deal.</summary>
public sealed record DealRow(
    string DealId,
    DateTime CreatedAt,
    DateTime StartAt,
    DateOnly? ExpectedCloseDate,
    string Status,
    DateTime? ClosedAt,
    string CurrentStage,
    DateTime CurrentStageEnteredAt,
    int? MaxStageOrder,
    bool IsStalled,
    double? CycleDays,
    string CompanySize,
    string? CompanySizeLabel,
    string LeadType,
    string? LeadTypeLabel);

/// <summary>
/// One run of the real job over a few hand-made deals (reps R1-R3 from <see cref="WarehouseRun.Reps"/>),
/// shared by the tests of a class through <c>IClassFixture</c>. Each test class derives one with its deals.
/// </summary>
public abstract class TimelineRun : HandMadeRun
{
    protected TimelineRun(string deals, string history, string asOf = "2026-11-30")
        : base(deals, history, asOf)
    {
    }

    /// <summary>A deals.csv line owned by R1 in EMEA / product X, amount 100 in the reporting currency.</summary>
    public static string DealLine(string id, string createdAt, string stage, string expectedClose = "", string leadType = "", string companySize = "") =>
        $"{id},{id} deal,R1,Acme,EMEA,X,{companySize},{leadType},100,,{createdAt},{expectedClose},{stage},\n";

    /// <summary>A stage_history.csv line with only the required fields.</summary>
    public static string HistoryLine(string id, string stage, string enteredAt) => $"{id},{stage},{enteredAt},,,\n";

    /// <summary>A UTC instant, written the way the tests reason about it.</summary>
    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second);

    /// <summary>The deal's timeline entries in seq order.</summary>
    public IReadOnlyList<Entry> Entries(string dealId) => Warehouse.Rows(
            """
            select seq, stage, stage_order, entered_at, exited_at, next_stage, days_in_stage, is_regression, is_synthesized
            from core.fact_stage_transition where deal_id = $deal order by seq
            """,
            ("deal", dealId))
        .Select(r => new Entry(
            Int(r[0])!.Value,
            (string)r[1]!,
            Int(r[2]),
            (DateTime)r[3]!,
            (DateTime?)r[4],
            (string?)r[5],
            (double?)r[6],
            (bool)r[7]!,
            (bool)r[8]!))
        .ToList();

    /// <summary>The deal's row of core.fact_deal, or null when the deal is not there.</summary>
    public DealRow? Deal(string dealId) => Warehouse.Rows(
            """
            select deal_id, created_at, start_at, expected_close_date, status, closed_at, current_stage,
                current_stage_entered_at, max_stage_order, is_stalled, cycle_days,
                company_size, company_size_label, lead_type, lead_type_label
            from core.fact_deal where deal_id = $deal
            """,
            ("deal", dealId))
        .Select(r => new DealRow(
            (string)r[0]!,
            (DateTime)r[1]!,
            (DateTime)r[2]!,
            r[3] switch { DateOnly d => d, DateTime t => DateOnly.FromDateTime(t), _ => null },
            (string)r[4]!,
            (DateTime?)r[5],
            (string)r[6]!,
            (DateTime)r[7]!,
            Int(r[8]),
            (bool)r[9]!,
            (double?)r[10],
            (string)r[11]!,
            (string?)r[12],
            (string)r[13]!,
            (string?)r[14]))
        .SingleOrDefault();

    /// <summary>The deal's row of core.fact_deal; fails the test when it is missing.</summary>
    public DealRow RequiredDeal(string dealId) =>
        Deal(dealId) ?? throw new Xunit.Sdk.XunitException($"{dealId} is not in core.fact_deal");


    private static int? Int(object? value) => value is null ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
}

using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;
using static Pipeline.Warehouse.Host.Tests.BadInput.Exports;

namespace Pipeline.Warehouse.Host.Tests.BadInput;

/// <summary>
/// INPUTS.md "Bad input": a timestamp before 1970-01-01 or from 2100-01-01 on makes a bad row, the
/// range is configurable ("earliestTimestamp", "latestTimestamp"), and a placeholder date such as
/// 0001-01-01 no longer stretches core.dim_date over two thousand years.
/// </summary>
public sealed class PlausibleRangeTests
{
    private const string TooEarly = "is before 1970-01-01, the earliest plausible date (\"earliestTimestamp\" in the config file). Fix the date in the CRM, or set an earlier \"earliestTimestamp\" if the date is real.";
    private const string TooLate = "is on or after 2100-01-01, the end of the plausible range (\"latestTimestamp\" in the config file, exclusive). Fix the date in the CRM, or set a later \"latestTimestamp\" if the date is real.";

    [Fact]
    public void Run_CreatedAtYearOne_RejectedWithTheRangeAndDimDateStaysSmall()
    {
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1"), Deal("D2", createdAt: "0001-01-01"), Deal("D3", expectedClose: "2100-01-01"), Deal("D4", createdAt: "1969-12-31T23:59:59Z")));

        run.Run(configJson: Lenient);

        run.Rejections("deals.csv").Should().Equal(
            new Rejection("deals.csv", 3, "created_at", "0001-01-01", $"created_at \"0001-01-01\" {TooEarly}"),
            new Rejection("deals.csv", 4, "expected_close_date", "2100-01-01", $"expected_close_date \"2100-01-01\" {TooLate}"),
            new Rejection("deals.csv", 5, "created_at", "1969-12-31T23:59:59Z", $"created_at \"1969-12-31T23:59:59Z\" {TooEarly}"));
        // 2026 and 2027: as-of 2026-11-30, the calendar runs to the end of the next year.
        run.Scalar<long>("select count(*) from core.dim_date").Should().Be(730);
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_HistoryAndQuotaDatesOutsideTheRange_Rejected()
    {
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1")))
            .WithFile("stage_history.csv", Histories(History("D1", enteredAt: "2026-01-01"), History("D1", stage: "Connect Call", enteredAt: "2999-01-01")))
            .WithFile("quotas.csv", QuotasHeader + Quota("R1") + Quota("R2", start: "1900-01-01"));

        run.Run(configJson: Lenient);

        run.SingleRejection("stage_history.csv").Should().Be(new Rejection("stage_history.csv", 3, "entered_at", "2999-01-01", $"entered_at \"2999-01-01\" {TooLate}"));
        run.SingleRejection("quotas.csv").Should().Be(new Rejection("quotas.csv", 3, "period_start", "1900-01-01", $"period_start \"1900-01-01\" {TooEarly}"));
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_ConfiguredRange_Honoured()
    {
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1", createdAt: "1960-05-01", expectedClose: "1960-06-30"), Deal("D2", createdAt: "2025-12-31", expectedClose: ""), Deal("D3", createdAt: "2026-01-01", expectedClose: "")));

        run.Run(asOf: "2025-12-31", configJson: """{"rejectThresholdPercent": 100, "earliestTimestamp": "1950-01-01", "latestTimestamp": "2026-01-01"}""");

        run.Rejections("deals.csv").Select(r => (r.Line, r.Column, r.Reason)).Should().Equal(
            (4L, "created_at", "created_at \"2026-01-01\" is on or after 2026-01-01, the end of the plausible range (\"latestTimestamp\" in the config file, exclusive). Fix the date in the CRM, or set a later \"latestTimestamp\" if the date is real."));
        run.Scalar<string>("select string_agg(deal_id, ',' order by deal_id) from core.fact_deal").Should().Be("D1,D2");
    }

    [Theory]
    [InlineData("""{"earliestTimestamp": "soon"}""", "*earliestTimestamp is \"soon\", which is not a date*")]
    [InlineData("""{"latestTimestamp": "2100-13-01"}""", "*latestTimestamp is \"2100-13-01\", which is not a date*")]
    [InlineData("""{"earliestTimestamp": "2030-01-01", "latestTimestamp": "2020-01-01"}""", "*latestTimestamp 2020-01-01 is not after earliestTimestamp 2030-01-01*")]
    public void Run_BadRangeInConfig_RefusedNamingTheKey(string config, string message)
    {
        using var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", Deals(Deal("D1")));

        var act = () => run.Run(configJson: config);

        act.Should().Throw<InputException>().WithMessage(message);
    }
}

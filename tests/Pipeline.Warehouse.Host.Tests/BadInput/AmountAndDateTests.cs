using Pipeline.Warehouse.Host.Tests.Fixtures;
using static Pipeline.Warehouse.Host.Tests.BadInput.Exports;

namespace Pipeline.Warehouse.Host.Tests.BadInput;

/// <summary>
/// INPUTS.md "Files": amounts (sign, currency symbol, thousands grouping, half-up to cents),
/// currencies and exchange rates, ISO 8601 timestamps; a value that does not parse rejects its row.
/// </summary>
public sealed class AmountAndDateTests
{
    private const string AmountReason = "is not an amount. Write digits with an optional sign and currency symbol ($ € £ ¥), commas between thousands and a point before the cents, e.g. $1,234.50; or leave it empty.";

    [Fact]
    public void Run_ValidAmounts_LoadRoundedHalfUpToCents()
    {
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(
                Deal("D1", amount: "\"$1,234.50\""),     // grouping and symbol dropped: 1234.50
                Deal("D2", amount: "-€5"),               // sign before the symbol: -5.00
                Deal("D3", amount: "12500"),             // plain digits: 12500.00
                Deal("D4", amount: "1.005"),             // third decimal 5 rounds up: 1.01
                Deal("D5", amount: "2.675"),             // 2.675 is exact in decimal, so half-up gives 2.68 (binary floating point would say 2.67)
                Deal("D6", amount: "1.004"),             // rounds down: 1.00
                Deal("D7", amount: "\"£-1,000\""),       // symbol before the sign: -1000.00
                Deal("D8", amount: "\"¥1,000,000\""),    // two groups: 1000000.00
                Deal("D9", amount: " 42 "),              // surrounding spaces trimmed: 42.00
                Deal("D10", amount: "")));               // empty is null, not a bad row

        run.Run();

        run.Rejections().Should().BeEmpty();
        var amounts = run.Rows("select deal_id, amount from core.fact_deal").ToDictionary(r => (string)r[0]!, r => (decimal?)r[1]);
        amounts.Should().BeEquivalentTo(new Dictionary<string, decimal?>
        {
            ["D1"] = 1234.50m, ["D2"] = -5.00m, ["D3"] = 12500.00m, ["D4"] = 1.01m, ["D5"] = 2.68m,
            ["D6"] = 1.00m, ["D7"] = -1000.00m, ["D8"] = 1000000.00m, ["D9"] = 42.00m, ["D10"] = null,
        });
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 10, Loaded: 10, Rejected: 0, Duplicates: 0));
    }

    [Fact]
    public void Run_UnparseableAmounts_RejectedWithLineValueAndHowToWriteOne()
    {
        // Header line 1, D1 line 2, then one bad amount per line from line 3.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(
                Deal("D1"),
                Deal("D2", amount: "twelve"),
                Deal("D3", amount: "\"12,50\""),   // a decimal comma: not a thousands group
                Deal("D4", amount: "\"1,2345\""),  // a group of four digits
                Deal("D5", amount: "$$5"),
                Deal("D6", amount: "5-")));

        run.Run(configJson: Lenient);

        run.Rejections("deals.csv").Should().Equal(
            new Rejection("deals.csv", 3, "amount", "twelve", $"amount \"twelve\" {AmountReason}"),
            new Rejection("deals.csv", 4, "amount", "12,50", $"amount \"12,50\" {AmountReason}"),
            new Rejection("deals.csv", 5, "amount", "1,2345", $"amount \"1,2345\" {AmountReason}"),
            new Rejection("deals.csv", 6, "amount", "$$5", $"amount \"$$5\" {AmountReason}"),
            new Rejection("deals.csv", 7, "amount", "5-", $"amount \"5-\" {AmountReason}"));
        run.Scalar<string>("select string_agg(deal_id, ',') from core.fact_deal").Should().Be("D1");
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 6, Loaded: 1, Rejected: 5, Duplicates: 0));
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_CurrencyWithoutRate_RejectedAskingForTheRate()
    {
        // USD is the default reporting currency: empty and "usd" need no rate; euros do, and the value is
        // shown as the user wrote it.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1", currency: ""), Deal("D2", currency: "usd"), Deal("D3", currency: "eur")));

        run.Run(configJson: Lenient);

        var rejection = run.SingleRejection("deals.csv");
        rejection.Should().BeEquivalentTo(new { Line = 4L, Column = "currency", Value = "eur" });
        rejection.Reason.Should().StartWith("currency \"eur\" has no exchange rate to the reporting currency.").And.Contain("\"exchangeRates\" in the config file");
        run.Rows("select deal_id, amount from core.fact_deal order by deal_id")
            .Should().BeEquivalentTo([new object?[] { "D1", 100.00m }, new object?[] { "D2", 100.00m }]);
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_CurrencyWithRateInConfig_ConvertsToReportingCurrency()
    {
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(
                Deal("D1", amount: "100", currency: "EUR"),             // 100 * 1.1 = 110.00
                Deal("D2", amount: "\"€1,234.50\"", currency: "eur"),   // 1234.50 * 1.1 = 1357.95, currency compared ignoring case
                Deal("D3", amount: "100", currency: "")));              // reporting currency: 100.00

        run.Run(configJson: """{"exchangeRates": {"EUR": 1.1}}""");

        run.Rejections().Should().BeEmpty();
        run.Rows("select deal_id, amount, amount_original, currency from core.fact_deal order by deal_id").Should().BeEquivalentTo(
        [
            new object?[] { "D1", 110.00m, 100.00m, "EUR" },
            new object?[] { "D2", 1357.95m, 1234.50m, "EUR" },
            new object?[] { "D3", 100.00m, 100.00m, "USD" },
        ]);
    }

    [Fact]
    public void Run_IsoTimestamps_LoadAsUtc()
    {
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(
                Deal("D1", createdAt: "2024-03-01"),                       // midnight UTC
                Deal("D2", createdAt: "2024-03-01 10:00"),                 // no offset: UTC
                Deal("D3", createdAt: "2024-03-01T10:00:00Z"),
                Deal("D4", createdAt: "2024-03-01T10:00:00.000+0000"),
                Deal("D5", createdAt: "2024-03-01T12:00:00+02:00"),        // 12:00 at +02:00 is 10:00 UTC
                Deal("D6", createdAt: "2024-03-01T12:00:00+02")));

        run.Run();

        run.Rejections().Should().BeEmpty();
        var createdAt = run.Rows("select deal_id, created_at from core.fact_deal").ToDictionary(r => (string)r[0]!, r => (DateTime)r[1]!);
        createdAt["D1"].Should().Be(new DateTime(2024, 3, 1, 0, 0, 0));
        createdAt.Where(p => p.Key != "D1").Select(p => p.Value).Should().AllBeEquivalentTo(new DateTime(2024, 3, 1, 10, 0, 0));
    }

    [Fact]
    public void Run_ImpossibleDates_RejectedInEveryFile()
    {
        // 2025-02-30 does not exist. deals.csv: D2 on line 3 (created_at), D3 on line 4 (expected_close_date);
        // stage_history.csv: the D1 row on line 3 (entered_at); quotas.csv: R2's row on line 3 (period_start).
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1"), Deal("D2", createdAt: "2025-02-30"), Deal("D3", expectedClose: "2025-02-30")))
            .WithFile("stage_history.csv", Histories(History("D1", "Lead", "2026-01-01"), History("D1", "Demo", "2025-02-30")))
            .WithFile("quotas.csv", QuotasHeader + Quota("R1") + Quota("R2", start: "2025-02-30"));

        run.Run(configJson: Lenient);

        run.Rejections().Select(r => (r.File, r.Line, r.Column, r.Value)).Should().Equal(
            ("deals.csv", 3L, "created_at", "2025-02-30"),
            ("deals.csv", 4L, "expected_close_date", "2025-02-30"),
            ("quotas.csv", 3L, "period_start", "2025-02-30"),
            ("stage_history.csv", 3L, "entered_at", "2025-02-30"));
        run.Rejections("deals.csv")[0].Reason.Should().StartWith("created_at \"2025-02-30\" is not a date and time. Write ISO 8601").And.Contain("\"timestampFormats\"");
        run.Rejections("deals.csv")[1].Reason.Should().StartWith("expected_close_date \"2025-02-30\" is not a date. Write ISO 8601 (2024-03-01)");
        run.Rejections("quotas.csv")[0].Reason.Should().Contain("not a date. Write ISO 8601");
        run.Rejections("stage_history.csv")[0].Reason.Should().StartWith("entered_at \"2025-02-30\" is not a date and time.");
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_OtherDateFormat_RejectedUnlessTheConfigNamesIt()
    {
        var deals = Deals(Deal("D1"), Deal("D2", createdAt: "03/15/2024"));
        using var strict = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", deals);
        using var configured = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", deals);

        strict.Run(configJson: Lenient);
        configured.Run(configJson: """{"timestampFormats": ["%m/%d/%Y"]}""");

        strict.SingleRejection("deals.csv").Should().BeEquivalentTo(new { Line = 3L, Column = "created_at", Value = "03/15/2024" });
        configured.Rejections().Should().BeEmpty();
        configured.Scalar<DateTime>("select created_at from core.fact_deal where deal_id = 'D2'").Should().Be(new DateTime(2024, 3, 15));
    }

    [Theory]
    [InlineData("02/03/24")]
    [InlineData("2024/02/03")]
    [InlineData("24-02-03")]
    public void Run_SlashOrShortYearDate_NotReadAsIsoButRejected(string date)
    {
        // DuckDB's own cast reads 02/03/24 as the year 2 (y/m/d); such a value is no ISO date and is rejected.
        using var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1"), Deal("D2", expectedClose: date), Deal("D3", createdAt: date)));

        run.Run(configJson: Lenient);

        run.Rejections().Select(r => (r.Line, r.Column, r.Value)).Should().Equal((3L, "expected_close_date", date), (4L, "created_at", date));
    }
}

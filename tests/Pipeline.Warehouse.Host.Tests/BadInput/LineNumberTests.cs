using System.Text;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using static Pipeline.Warehouse.Host.Tests.BadInput.Exports;

namespace Pipeline.Warehouse.Host.Tests.BadInput;

/// <summary>
/// METRICS.md section 7: meta.rejected_row.line is the physical line on which the record starts,
/// the header being line 1, whatever the quoting, blank lines, line endings and BOM.
/// </summary>
public sealed class LineNumberTests
{
    private static WarehouseRun WithDeals(string deals) => new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", deals);

    private static List<(long Line, string? Value)> DealRejections(WarehouseRun run) =>
        [.. run.Rejections("deals.csv").Select(r => (r.Line, r.Value))];

    [Fact]
    public void Run_BadFirstDataRow_IsLineTwo()
    {
        using var run = WithDeals(Deals(Deal("D1", amount: "twelve"), Deal("D2")));

        run.Run(configJson: Lenient);

        DealRejections(run).Should().Equal((2L, "twelve"));
    }

    [Fact]
    public void Run_QuotedLineBreaksBeforeAndInsideBadRows_LineIsWhereTheRecordStarts()
    {
        // line 1 header; D1 spans lines 2-4 (two breaks in its name); D2 bad on line 5;
        // D3 bad, starts on line 6 and spans 6-7; D4 bad on line 8.
        using var run = WithDeals(Deals(
            Deal("D1", name: "\"Big\ndeal\nwith breaks\""),
            Deal("D2", amount: "twelve"),
            Deal("D3", name: "\"two\nlines\"", amount: "thirteen"),
            Deal("D4", amount: "fourteen")));

        run.Run(configJson: Lenient);

        DealRejections(run).Should().Equal((5L, "twelve"), (6L, "thirteen"), (8L, "fourteen"));
        run.Scalar<string>("select deal_name from core.fact_deal where deal_id = 'D1'").Should().Be("Big\ndeal\nwith breaks");
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 4, Loaded: 1, Rejected: 3, Duplicates: 0));
    }

    [Fact]
    public void Run_BlankLinesBeforeBadRows_CountAsLinesButNotRows()
    {
        // 1 header, 2 blank, 3 D1, 4 blank, 5 blank, 6 D2 bad, 7 D3, 8 blank, 9 D4 bad, 10 blank at the end.
        using var run = WithDeals(WarehouseRun.DealsHeader + "\n" + Deal("D1") + "\n\n" + Deal("D2", amount: "twelve") + Deal("D3") + "\n" + Deal("D4", stage: "Nowhere") + "\n");

        run.Run(configJson: Lenient);

        DealRejections(run).Should().Equal((6L, "twelve"), (9L, "Nowhere"));
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 4, Loaded: 2, Rejected: 2, Duplicates: 0));
    }

    [Fact]
    public void Run_CrlfFile_LinesCountedOncePerCrlf()
    {
        // Every line ends in CRLF, and D1's name holds a quoted CRLF: 1 header, 2-3 D1, 4 blank, 5 D2 bad, 6 D3 bad.
        var text = Deals(Deal("D1", name: "\"two\nlines\""), "\n", Deal("D2", amount: "twelve"), Deal("D3", createdAt: "2025-02-30")).Replace("\n", "\r\n");
        using var run = WithDeals(text);

        run.Run(configJson: Lenient);

        DealRejections(run).Should().Equal((5L, "twelve"), (6L, "2025-02-30"));
        run.Scalar<string>("select deal_name from core.fact_deal where deal_id = 'D1'").Should().Be("two\r\nlines");
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 3, Loaded: 1, Rejected: 2, Duplicates: 0));
    }

    [Fact]
    public void Run_Utf8Bom_HeaderIsLineOneAndFirstColumnRecognized()
    {
        // The BOM is not part of the first header name ("deal_id" is found) nor of the first value.
        byte[] bom = [0xEF, 0xBB, 0xBF];
        using var run = new WarehouseRun()
            .WithBytes("reps.csv", [.. bom, .. Encoding.UTF8.GetBytes(WarehouseRun.Reps)])
            .WithBytes("deals.csv", [.. bom, .. Encoding.UTF8.GetBytes(Deals(Deal("D1", amount: "twelve"), Deal("D2")))]);

        run.Run(configJson: Lenient);

        run.SingleRejection("deals.csv").Should().BeEquivalentTo(new { Line = 2L, Column = "amount", Value = "twelve" });
        run.Scalar<string>("select deal_id from core.fact_deal").Should().Be("D2");
        run.Scalar<string>("select rep_id from core.dim_rep order by rep_id limit 1").Should().Be("R1");
    }

    [Fact]
    public void Run_BomCrlfBlankLinesAndBreaksInHistory_LinesArePhysical()
    {
        // stage_history.csv with BOM and CRLF: 1 header, 2 D1, 3 blank, 4-5 D1 with a quoted break in its
        // stage label (unknown, so rejected at 4), 6 D9 unknown deal, 7 blank, 8 D1 with impossible date.
        var history = WarehouseRun.HistoryHeader + History("D1") + "\n" + History("D1", "\"Lead\nagain\"", "2026-01-02")
            + History("D9") + "\n" + History("D1", "Demo", "2025-02-30");
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(GoodDeals(1)))
            .WithBytes("stage_history.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(history.Replace("\n", "\r\n"))]);

        run.Run(configJson: Lenient);

        run.Rejections("stage_history.csv").Select(r => (r.Line, r.Column)).Should().Equal((4L, "stage"), (6L, "deal_id"), (8L, "entered_at"));
        run.Outcome("stage_history.csv").Should().Be(new FileOutcome(Rows: 4, Loaded: 1, Rejected: 3, Duplicates: 0));
    }

    [Fact]
    public void Run_SecondRowForKeyAfterQuotedBreaks_ReasonNamesThePhysicalLineOfTheFirst()
    {
        // D1 first on lines 3-4 (after a blank line 2), again on line 5 with another amount.
        using var run = WithDeals(WarehouseRun.DealsHeader + "\n" + Deal("D1", name: "\"a\nb\"") + Deal("D1", name: "\"a\nb\"", amount: "7"));

        run.Run(configJson: Lenient);

        var rejection = run.SingleRejection("deals.csv");
        rejection.Line.Should().Be(5);
        rejection.Reason.Should().Contain("the first row for it is on line 3.");
    }
}

using System.Text;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using static Pipeline.Warehouse.Host.Tests.BadInput.Exports;

namespace Pipeline.Warehouse.Host.Tests.BadInput;

/// <summary>
/// INPUTS.md "Keys" and RFC 4180: a row with more fields than the header is a bad row, missing
/// trailing fields are empty, broken quoting rejects the record. These files take the loader's slow
/// path; the accounting must still add up and the lines must still be physical.
/// </summary>
public sealed class StructuralTests
{
    private const string TooMany = "The record has 15 fields but the header has 14. Quote values that contain commas (\"Smith, Jones\") or remove the extra fields.";

    private static WarehouseRun WithDeals(string deals) => new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps).WithFile("deals.csv", deals);

    [Fact]
    public void Run_RowWithMoreFieldsThanHeader_RejectedWithTheWholeRecordAsValue()
    {
        // 1 header, 2 D1, 3-4 D2 with a quoted break, 5 blank, 6 D3 with an unquoted "1,000" (15 fields),
        // 7 D4 with a bad amount, 8 D5. The slow path must keep the lines physical for both kinds of reject.
        var d3 = "D3,,R1,,EMEA,X,smb,Inbound,1,000,,2026-01-01,2026-03-01,Lead,Price";
        using var run = WithDeals(Deals(Deal("D1"), Deal("D2", name: "\"a\nb\""), "\n", d3 + "\n", Deal("D4", amount: "twelve"), Deal("D5")));

        run.Run(configJson: Lenient);

        run.Rejections("deals.csv").Should().Equal(
            new Rejection("deals.csv", 6, null, d3, TooMany),
            new Rejection("deals.csv", 7, "amount", "twelve", "amount \"twelve\" is not an amount. Write digits with an optional sign and currency symbol ($ € £ ¥), commas between thousands and a point before the cents, e.g. $1,234.50; or leave it empty."));
        run.Scalar<string>("select string_agg(deal_id, ',' order by deal_id) from core.fact_deal").Should().Be("D1,D2,D5");
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 5, Loaded: 3, Rejected: 2, Duplicates: 0));
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_RowWithOneExtraEmptyTrailingField_RejectedAsTooManyFields()
    {
        // "Acme, Inc" unquoted in account_name, loss_reason empty: 15 fields, the last one empty. The
        // columns after account_name would shift by one, so the row is a bad row, not a loaded one.
        var d2 = "D2,,R1,Acme, Inc,EMEA,X,smb,Inbound,100,,2026-01-01,2026-03-01,Lead,";
        using var run = WithDeals(Deals(Deal("D1"), d2 + "\n", Deal("D3")));

        run.Run(configJson: Lenient);

        run.SingleRejection("deals.csv").Should().Be(new Rejection("deals.csv", 3, null, d2, TooMany));
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 3, Loaded: 2, Rejected: 1, Duplicates: 0));
    }

    [Fact]
    public void Run_ExtraQuotedEmptyFieldOrCrlf_RejectedOnTheSlowPath()
    {
        // DuckDB would drop an extra empty last field ("" or nothing) and load these rows shifted;
        // the loader sees them and reads the file on the slow path. Lines 3 and 4 (CRLF) are rejected, the
        // value without its line ending.
        var d2 = "D2,,R1,\"Acme, Inc\",EMEA,X,smb,Inbound,100,,2026-01-01,2026-03-01,Lead,Price,\"\"";
        var d3 = "D3,,R1,Acme, Inc,EMEA,X,smb,Inbound,100,,2026-01-01,2026-03-01,Lead,";
        using var run = WithDeals(Deals(Deal("D1"), d2 + "\n", d3 + "\r\n", Deal("D4")));

        var paths = PathRecorder.Run(run, Lenient);

        paths.SlowPath["deals.csv"].Should().BeTrue();
        run.Rejections("deals.csv").Select(r => (r.Line, r.Column, r.Value)).Should().Equal((3L, null, d2), (4L, null, d3));
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 4, Loaded: 2, Rejected: 2, Duplicates: 0));
    }

    [Fact]
    public void Run_QuotedCommasQuotesAndBreaksWithEmptyLastField_StayOnTheFastPath()
    {
        // Every record has 14 fields once quoting is read right (commas, doubled quotes and a line break
        // inside quotes, an empty last field): nothing is too wide, so DuckDB's bulk read is kept.
        using var run = WithDeals(Deals(
            Deal("D1", name: "\"Acme, Inc, \"\"Big\"\" deal,\"", amount: "\"$1,234.50\""),
            Deal("D2", name: "\"two,\nlines,\"", account: "\"a\"\"b\""),
            Deal("D3", lossReason: "\"\"")));

        var paths = PathRecorder.Run(run);

        paths.SlowPath.Should().OnlyContain(p => !p.Value);
        run.Rows("select deal_id, deal_name, account_name from core.fact_deal order by deal_id").Should().BeEquivalentTo(
        [
            new object?[] { "D1", "Acme, Inc, \"Big\" deal,", null },
            new object?[] { "D2", "two,\nlines,", "a\"b" },
            new object?[] { "D3", null, null },
        ]);
    }

    [Fact]
    public void Run_RowWithMissingTrailingFields_LoadsWithThemEmpty()
    {
        // deals.csv with the optional columns last: D2 stops after stage (amount, currency, loss_reason missing),
        // D3 stops after amount. reps.csv: R4 stops after rep_name, so its required team is empty: rejected.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps + "R4,Dee\n")
            .WithFile("deals.csv", "deal_id,rep_id,region,product,created_at,stage,amount,currency,loss_reason\n"
                + "D1,R1,EMEA,X,2026-01-01,Lead,100,USD,\nD2,R1,EMEA,X,2026-01-01,Lead\nD3,R1,EMEA,X,2026-01-01,Lead,300\n");

        run.Run(configJson: Lenient);

        run.Rejections("deals.csv").Should().BeEmpty();
        run.Rows("select deal_id, amount, loss_reason from core.fact_deal order by deal_id").Should().BeEquivalentTo(
        [
            new object?[] { "D1", 100m, null },
            new object?[] { "D2", null, null },
            new object?[] { "D3", 300m, null },
        ]);
        run.SingleRejection("reps.csv").Should().BeEquivalentTo(new { Line = 5L, Column = "team", Value = "" });
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_UnterminatedQuote_RejectsTheRestOfTheFileAsOneRecord()
    {
        // D3's name opens a quote that never closes: the record starts on line 4 and runs to the end of
        // the file, swallowing D4. Rows: D1, D2, and that one record = 3.
        var broken = "D3,\"Acme deal,R1,,EMEA,X,smb,Inbound,100,,2026-01-01,2026-03-01,Lead,\n" + Deal("D4");
        using var run = WithDeals(Deals(Deal("D1"), Deal("D2"), broken));

        run.Run(configJson: Lenient);

        var rejection = run.SingleRejection("deals.csv");
        rejection.Line.Should().Be(4);
        rejection.Column.Should().BeNull();
        rejection.Value.Should().StartWith("D3,\"Acme deal,R1").And.Contain("D4,");
        rejection.Reason.Should().Be("A quoted field is never closed, so the rest of the file was read as one value. Close the quote, or double a quote that is part of the text (\"\").");
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 3, Loaded: 2, Rejected: 1, Duplicates: 0));
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_TextAfterClosingQuote_RejectedWithHowToQuote()
    {
        // Line 3: "Acme" Inc in deal_name is not RFC 4180. Line 4 still loads.
        var d2 = "D2,\"Acme\" Inc,R1,,EMEA,X,smb,Inbound,100,,2026-01-01,2026-03-01,Lead,";
        using var run = WithDeals(Deals(Deal("D1"), d2 + "\n", Deal("D3")));

        run.Run(configJson: Lenient);

        var rejection = run.SingleRejection("deals.csv");
        rejection.Should().BeEquivalentTo(new { Line = 3L, Column = (string?)null, Value = d2 });
        rejection.Reason.Should().StartWith("Text follows the closing quote of a field");
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 3, Loaded: 2, Rejected: 1, Duplicates: 0));
    }

    [Fact]
    public void Run_QuoteInsideUnquotedField_RejectedAsBrokenQuotingOnTheSlowPath()
    {
        // Line 3: ab"cd unquoted in deal_name. DuckDB would load it as text; INPUTS.md calls it broken
        // quoting, a bad record. The byte scan sends the file to the slow path, which rejects it.
        var d2 = "D2,ab\"cd,R1,,EMEA,X,smb,Inbound,100,,2026-01-01,2026-03-01,Lead,";
        using var run = WithDeals(Deals(Deal("D1"), d2 + "\n", Deal("D3")));

        var paths = PathRecorder.Run(run, Lenient);

        paths.SlowPath["deals.csv"].Should().BeTrue();
        run.SingleRejection("deals.csv").Should().Be(new Rejection("deals.csv", 3, null, d2,
            "A quote inside an unquoted field (ab\"cd) breaks the CSV quoting rules. Quote the whole field and double the quote inside it (\"ab\"\"cd\")."));
        run.Scalar<string>("select string_agg(deal_id, ',' order by deal_id) from core.fact_deal").Should().Be("D1,D3");
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 3, Loaded: 2, Rejected: 1, Duplicates: 0));
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_NulByteInText_RejectedNamingTheColumn()
    {
        // Line 3: deal_name holds a NUL byte; line 4: a NUL inside a quoted account_name. Both are bad
        // rows, the column named and the NUL shown as \0; D1 and D4 load, and nothing stores a NUL.
        using var run = WithDeals(Deals(Deal("D1"), Deal("D2", name: "ab\0cd"), Deal("D3", account: "\"x,\0\""), Deal("D4")));

        var paths = PathRecorder.Run(run, Lenient);

        paths.SlowPath["deals.csv"].Should().BeTrue();
        run.Rejections("deals.csv").Select(r => (r.Line, r.Column, r.Value)).Should().Equal(
            (3L, "deal_name", "ab\\0cd"),
            (4L, "account_name", "x,\\0"));
        run.Rejections("deals.csv")[0].Reason.Should().StartWith("deal_name \"ab\\0cd\" holds a NUL byte (shown as \\0), which is not text");
        run.Scalar<string>("select string_agg(deal_id, ',' order by deal_id) from core.fact_deal").Should().Be("D1,D4");
        run.Scalar<long>("select count(*) from core.fact_deal where contains(coalesce(deal_name, '') || coalesce(account_name, ''), chr(0))").Should().Be(0);
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 4, Loaded: 2, Rejected: 2, Duplicates: 0));
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_NulByteInDealOfHistory_HistoryRejectedNamingTheDeal()
    {
        // D2's record is rejected for its NUL; its history row names the deal's rejection.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(Deal("D1"), Deal("D2", name: "a\0")))
            .WithFile("stage_history.csv", Histories(History("D1"), History("D2")));

        run.Run(configJson: Lenient);

        run.SingleRejection("stage_history.csv").Reason.Should().Contain("names a deal that was rejected (deals.csv line 3: deal_name");
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_LineOfSpacesAndMixedLineEndings_BlankIsNoRowAndLinesStayPhysical()
    {
        // 1 header (CRLF), 2 D1 (LF), 3 spaces and a tab (CRLF): blank, 4 D2 bad (CRLF), 5 D3 (LF).
        var text = WarehouseRun.DealsHeader.Replace("\n", "\r\n") + Deal("D1") + " \t \r\n" + Deal("D2", amount: "twelve").Replace("\n", "\r\n") + Deal("D3");
        using var run = WithDeals(text);

        run.Run(configJson: Lenient);

        run.SingleRejection("deals.csv").Should().BeEquivalentTo(new { Line = 4L, Column = "amount", Value = "twelve" });
        run.Outcome("deals.csv").Should().Be(new FileOutcome(Rows: 3, Loaded: 2, Rejected: 1, Duplicates: 0));
    }

    [Fact]
    public void Run_RecordNotUtf8_RejectedAskingForUtf8InsteadOfLoadingGarbledText()
    {
        // A Latin-1 export: "Müller" is the byte 0xFC, not UTF-8. D1 (line 2) is rejected rather than loaded
        // as "M\uFFFDller"; D2 (line 3, plain ASCII) loads.
        using var run = new WarehouseRun().WithFile("reps.csv", WarehouseRun.Reps)
            .WithBytes("deals.csv", Encoding.Latin1.GetBytes(Deals(Deal("D1", name: "Müller GmbH"), Deal("D2"))));

        run.Run(configJson: Lenient);

        var rejection = run.SingleRejection("deals.csv");
        rejection.Should().BeEquivalentTo(new { Line = 2L, Column = (string?)null });
        rejection.Reason.Should().StartWith("The record is not valid UTF-8").And.Contain("Save the file as UTF-8");
        run.Scalar<string>("select string_agg(deal_id, ',') from core.fact_deal").Should().Be("D2");
        run.ShouldAccountForEveryRow();
    }

    [Fact]
    public void Run_StructuralRejectsInHistory_AccountingAddsUp()
    {
        // stage_history.csv: 2 D1, 3 too many fields, 4 too few (entered_at missing: rejected as empty), 5 D1 Demo.
        using var run = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", Deals(GoodDeals(1)))
            .WithFile("stage_history.csv", Histories(History("D1"), "D1,Demo,2026-01-02,R1,,,extra\n", "D1,Demo\n", History("D1", "Demo", "2026-01-05")));

        run.Run(configJson: Lenient);

        run.Rejections("stage_history.csv").Select(r => (r.Line, r.Column, r.Value)).Should().Equal(
            (3L, null, "D1,Demo,2026-01-02,R1,,,extra"),
            (4L, "entered_at", ""));
        run.Outcome("stage_history.csv").Should().Be(new FileOutcome(Rows: 4, Loaded: 2, Rejected: 2, Duplicates: 0));
        run.ShouldAccountForEveryRow();
    }
}

namespace Pipeline.Warehouse.Demo.Tests;

public sealed class CsvSinkTests : IDisposable
{
    private readonly string directory = TempDirectory.Create();

    [Fact]
    public void Append_AmountsDatesAndTimestamps_FormatsAsCanonicalText()
    {
        string path = Path.Combine(directory, "sink.csv");
        using (var sink = new CsvSink(path))
        {
            sink.Reserve(256);
            sink.AppendAmount(1_250_000);
            sink.Comma();
            sink.AppendAmount(5);
            sink.Comma();
            sink.AppendDate(new DateOnly(2026, 2, 28).DayNumber);
            sink.Comma();
            // 2026-03-01 is DayNumber * 86400 seconds after 0001-01-01; add 09:05:07.
            sink.AppendTimestamp((new DateOnly(2026, 3, 1).DayNumber * 86_400L) + (9 * 3600) + (5 * 60) + 7);
            sink.EndRow();
        }

        File.ReadAllText(path).Should().Be("12500.00,0.05,2026-02-28,2026-03-01T09:05:07Z\n");
    }

    [Theory]
    [InlineData("Acme Corp", "Acme Corp")]
    [InlineData("Smith, Jones & Co", "\"Smith, Jones & Co\"")]
    [InlineData("The \"Best\" Widgets", "\"The \"\"Best\"\" Widgets\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Quote_FieldWithSeparatorQuoteOrNewline_QuotesOnlyWhenNeeded(string value, string expected)
    {
        CsvText.Quote(value).Should().Be(expected);
    }

    [Fact]
    public void NextUInt64_SameSeed_GivesSameSequence()
    {
        var first = new DemoRandom(42);
        var second = new DemoRandom(42);

        Enumerable.Range(0, 100).Select(_ => first.NextUInt64()).Should()
            .Equal(Enumerable.Range(0, 100).Select(_ => second.NextUInt64()));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}

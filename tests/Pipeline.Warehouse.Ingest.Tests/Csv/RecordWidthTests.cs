using Pipeline.Warehouse.Ingest.Csv;

namespace Pipeline.Warehouse.Ingest.Tests.Csv;

/// <summary>The byte scan that sends a file DuckDB would load too leniently to the loader's slow path.</summary>
public sealed class RecordWidthTests
{
    [Theory]
    [InlineData("a,b,c\n1,2,3\n", false)]
    [InlineData("a,b,c\n1,\"x,\"\"y\"\"\",3\n", false)]          // quoted commas and doubled quotes
    [InlineData("a,b,c\n1,\"two\nlines\",3\n", false)]          // a quoted line break
    [InlineData("a,b,c\n1,2,3,\n", true)]                        // one extra, empty field
    [InlineData("a,b,c\n1,ab\"cd,3\n", true)]                    // a quote inside an unquoted field
    [InlineData("a,b,c\n1,2,3\n4,x\"\n", true)]                  // a stray quote at the end of the last field
    [InlineData("a,b,c\n1,a\0b,3\n", true)]                      // a NUL byte
    [InlineData("a,b,c\n1,\"a\0b\",3\n", true)]                  // a NUL byte inside quotes
    public void NeedsSlowPath_FindsWhatDuckDbWouldLoadAnyway(string text, bool expected)
    {
        using var folder = new TempDirectory();
        var path = folder.Write("deals.csv", text);

        RecordWidth.NeedsSlowPath(path, 3).Should().Be(expected);
    }
}

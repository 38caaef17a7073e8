using System.IO.Compression;
using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>
/// A workbook saved through <see cref="StableWorkbook"/> is the same bytes each time (a past night's
/// report rebuilt later equals the one written that night), dated its as-of instant, and still a
/// workbook Excel opens: valid Open XML, read back by ClosedXML with its data bars.
/// </summary>
public sealed class StableWorkbookTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pw-stable-workbook-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly DateTime Instant = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private static byte[] Save()
    {
        using var workbook = new XLWorkbook();
        foreach (var name in new[] { "One", "Two" })
        {
            var sheet = workbook.AddWorksheet(name);
            for (var row = 1; row <= 5; row++)
                sheet.Cell(row, 1).Value = row * 10;
            sheet.Range("A1:A5").AddConditionalFormat().DataBar(XLColor.Blue).LowestValue().HighestValue();
        }
        using var stream = new MemoryStream();
        StableWorkbook.Save(workbook, stream, Instant);
        return stream.ToArray();
    }

    [Fact]
    public void SameWorkbookTwice_SameBytes()
    {
        var first = Save();
        Thread.Sleep(1100); // a second later: the clock would show in the zip entries' times
        Save().Should().Equal(first);
    }

    [Fact]
    public void Saved_IsDatedItsInstant_AndIsAValidWorkbookWithItsDataBars()
    {
        var path = Path.Combine(_folder, "stable.xlsx");
        File.WriteAllBytes(path, Save());

        WorkbookCheck.Errors(path).Should().BeEmpty();
        using (var zip = ZipFile.OpenRead(path))
        {
            zip.Entries.Should().OnlyContain(entry => entry.LastWriteTime.DateTime == Instant);
            using var reader = new StreamReader(zip.GetEntry("package/services/metadata/core-properties/core.psmdcp")!.Open());
            reader.ReadToEnd().Should().Contain(">2026-12-01T00:00:00Z</dcterms:created>").And.Contain(">2026-12-01T00:00:00Z</dcterms:modified>");
        }
        using var workbook = new XLWorkbook(path);
        workbook.Worksheets.Select(s => s.Name).Should().Equal("One", "Two");
        workbook.Worksheet("Two").Cell(5, 1).GetValue<int>().Should().Be(50);
        workbook.Worksheet("Two").ConditionalFormats.Should().ContainSingle();
    }
}

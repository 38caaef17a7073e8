using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>
/// The scorecards lay out workbooks on one thread and save them on others (<see cref="WorkbookSaver"/>):
/// every workbook queued is saved whole, with the bytes an inline save gives, and a save that
/// fails stops the writer with that failure instead of losing it or hanging.
/// </summary>
public sealed class WorkbookSaverTests : IDisposable
{
    private static readonly DateTime Instant = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pw-saver-" + Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public void Complete_ManyWorkbooks_EverySavedOnceWithTheBytesOfAnInlineSave()
    {
        var written = new List<string>();
        using (var saver = new WorkbookSaver(Instant, written.Add, savers: 3))
        {
            for (var i = 0; i < 40; i++)
                saver.Add(Workbook(i), Path.Combine(_folder, $"book-{i:00}.xlsx"));
            saver.Complete();
        }

        written.Should().HaveCount(40).And.OnlyHaveUniqueItems();
        Directory.GetFiles(_folder).Should().HaveCount(40, "no temporary file is left");
        for (var i = 0; i < 40; i++)
        {
            using var inline = new MemoryStream();
            using (var workbook = Workbook(i))
                StableWorkbook.Save(workbook, inline, Instant);
            File.ReadAllBytes(Path.Combine(_folder, $"book-{i:00}.xlsx")).Should().Equal(inline.ToArray(), $"book {i} is saved as an inline save saves it");
            using var read = new XLWorkbook(Path.Combine(_folder, $"book-{i:00}.xlsx"));
            read.Worksheet("Figures").Cell(2, 1).GetString().Should().Be($"Deal {i}");
        }
    }

    [Fact]
    public void Add_AfterASaveFailed_ThrowsThatFailure()
    {
        using var saver = new WorkbookSaver(Instant, onFile: null, savers: 2);
        var missing = Path.Combine(_folder, "no-such-folder", "book.xlsx");

        var act = () =>
        {
            saver.Add(Workbook(0), missing);
            for (var i = 1; i < 1000; i++)
                saver.Add(Workbook(i), Path.Combine(_folder, $"book-{i:000}.xlsx"));
            saver.Complete();
        };

        act.Should().Throw<DirectoryNotFoundException>().Which.Message.Should().Contain("no-such-folder");
        Directory.GetFiles(_folder).Should().HaveCountLessThan(999, "the writer stops soon after the failure")
            .And.NotContain(path => Path.GetFileName(path).StartsWith('.'), "no temporary file is left");
    }

    [Fact]
    public void Complete_LastSaveFails_ThrowsThatFailure()
    {
        using var saver = new WorkbookSaver(Instant, onFile: null, savers: 2);
        saver.Add(Workbook(0), Path.Combine(_folder, "book.xlsx"));
        saver.Add(Workbook(1), Path.Combine(_folder, "no-such-folder", "book.xlsx"));

        saver.Invoking(s => s.Complete()).Should().Throw<DirectoryNotFoundException>();
        File.Exists(Path.Combine(_folder, "book.xlsx")).Should().BeTrue("the workbook queued before the failing one is saved");
    }

    private static XLWorkbook Workbook(int i)
    {
        var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Figures");
        sheet.Cell(1, 1).Value = "Deal";
        sheet.Cell(1, 2).Value = "Amount";
        sheet.Cell(2, 1).SetValue($"Deal {i}");
        sheet.Cell(2, 1).DataType = XLDataType.Text;
        for (var row = 2; row < 200; row++)
        {
            sheet.Cell(row, 2).Value = row * 1000.5m + i;
            sheet.Cell(row, 2).Style.NumberFormat.Format = "#,##0.00";
        }
        return workbook;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

using Pipeline.Warehouse.Reports.Pdf;

namespace Pipeline.Warehouse.Reports.Tests;

public sealed class ChartFontsTests
{
    [Fact]
    public void Register_ChartFamily_ResolvesToTheShippedTypefaces()
    {
        ChartFonts.Register();
        ScottPlot.Fonts.GetTypeface(Typography.ChartFamily, bold: false, italic: false).Should().BeSameAs(Typography.Regular);
        ScottPlot.Fonts.GetTypeface(Typography.ChartFamily, bold: true, italic: false).Should().BeSameAs(Typography.Bold);
        Typography.Regular.FamilyName.Should().Be("DejaVu Sans");
    }

    [Fact]
    public void Ellipsize_TooWide_CutWithEllipsisWithinTheWidth()
    {
        var text = new string('W', 200);
        var cut = TextFit.Ellipsize(text, Typography.TableCell, 100);
        cut.Should().EndWith("…");
        Typography.TableCell.Width(cut).Should().BeLessThanOrEqualTo(100);
    }

    [Fact]
    public void Wrap_LongWord_BrokenIntoLinesThatFit()
    {
        var lines = TextFit.Wrap("short " + new string('x', 300) + " end", Typography.Body, 120);
        lines.Should().HaveCountGreaterThan(2);
        lines.Should().OnlyContain(line => Typography.Body.Width(line) <= 120);
        string.Concat(lines).Replace(" ", "").Should().Be("short" + new string('x', 300) + "end");
    }
}

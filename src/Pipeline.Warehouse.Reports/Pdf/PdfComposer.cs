using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>
/// Lays elements out top to bottom over as many pages as they need, then writes the PDF with
/// SkiaSharp's PDF backend: every page gets the header and a footer with the page number, the
/// page count and the as-of date. An element taller than the space left starts a new page; a
/// table repeats its header row on every page it spans.
/// </summary>
internal sealed class PdfComposer(string headerText, string footerText)
{
    private readonly List<List<(IElement Element, float Top, float Height)>> _pages = [[]];
    private float _y;

    private static float Width => PageLayout.Content.Width;

    private static float Room => PageLayout.Content.Height;

    public PdfComposer Item(IElement element)
    {
        var height = element.Measure(Width);
        if (_y + height > Room && _y > 0)
            PageBreak();
        _pages[^1].Add((element, _y, Math.Min(height, Room)));
        _y += height;
        return this;
    }

    /// <summary>Adds <paramref name="element"/> only with <paramref name="keepWithNext"/> points free below it, so a heading is never alone at a page's foot.</summary>
    public PdfComposer Heading(IElement element, float keepWithNext)
    {
        if (_y + element.Measure(Width) + keepWithNext > Room && _y > 0)
            PageBreak();
        return Item(element);
    }

    public PdfComposer Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<TableCell>> rows)
    {
        var header = TableRowElement.Header(columns);
        var headerHeight = header.Measure(Width);
        if (_y + 2 * headerHeight > Room)
            PageBreak();
        Item(header);
        foreach (var cells in rows)
        {
            var row = new TableRowElement(columns, cells);
            if (_y + row.Measure(Width) > Room)
            {
                PageBreak();
                Item(header);
            }
            Item(row);
        }
        return Item(new SpacerElement(8));
    }

    public PdfComposer PageBreak()
    {
        if (_pages[^1].Count > 0)
            _pages.Add([]);
        _y = 0;
        return this;
    }

    public int PageCount => _pages.Count;

    /// <summary>Writes the PDF to <paramref name="path"/> atomically (<see cref="AtomicFile"/>): never half a file under its name.</summary>
    public void Write(string path) => AtomicFile.Write(path, stream => Write(stream, path));

    private void Write(Stream stream, string path)
    {
        var metadata = new SKDocumentPdfMetadata { Title = headerText, Creator = "Pipeline Warehouse", Producer = "Pipeline Warehouse (SkiaSharp PDF)" };
        using var document = SKDocument.CreatePdf(stream, metadata)
            ?? throw new InvalidOperationException($"SkiaSharp could not create a PDF document for '{path}'.");
        for (var number = 1; number <= _pages.Count; number++)
        {
            DrawPage(document.BeginPage(PageLayout.Width, PageLayout.Height), number);
            document.EndPage();
        }
        document.Close();
        if (Environment.GetEnvironmentVariable(PreviewVariable) is { Length: > 0 } folder)
            WritePngs(folder, prefix: Path.GetFileNameWithoutExtension(path) + "-");
    }

    /// <summary>Set to a folder, every PDF written is also drawn there page by page as PNG (2x), to look at without a PDF viewer.</summary>
    public const string PreviewVariable = "PIPELINE_WAREHOUSE_PDF_PREVIEW";

    /// <summary>Draws every page as a PNG (<paramref name="scale"/> pixels per point) into <paramref name="directory"/>: "page-1.png", ... (after <paramref name="prefix"/>); for looking at a page as its reader will.</summary>
    public IReadOnlyList<string> WritePngs(string directory, float scale = 2, string prefix = "")
    {
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        for (var number = 1; number <= _pages.Count; number++)
        {
            using var surface = SKSurface.Create(new SKImageInfo((int)(PageLayout.Width * scale), (int)(PageLayout.Height * scale)));
            surface.Canvas.Clear(SKColors.White);
            surface.Canvas.Scale(scale);
            DrawPage(surface.Canvas, number);
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            var file = Path.Combine(directory, $"{prefix}page-{number}.png");
            using (var stream = File.Create(file))
                png.SaveTo(stream);
            files.Add(file);
        }
        return files;
    }

    private void DrawPage(SKCanvas canvas, int number)
    {
        ComposeHeader(canvas);
        var content = PageLayout.Content;
        foreach (var (element, top, height) in _pages[number - 1])
        {
            var area = new SKRect(content.Left, content.Top + top, content.Right, content.Top + top + height);
            canvas.Save();
            canvas.ClipRect(area);
            element.Draw(canvas, area);
            canvas.Restore();
        }
        ComposeFooter(canvas, number);
    }

    private void ComposeHeader(SKCanvas canvas)
    {
        var area = PageLayout.Header;
        var style = Typography.Small;
        using var ink = new SKPaint { Color = style.Color, IsAntialias = true };
        using var rule = new SKPaint { Color = Typography.Accent, StrokeWidth = 0.8f, IsStroke = true };
        canvas.DrawText(TextFit.Ellipsize(headerText, style, area.Width), area.Left, area.Top + style.Ascent + 4, SKTextAlign.Left, style.Font, ink);
        canvas.DrawLine(area.Left, area.Bottom - 4, area.Right, area.Bottom - 4, rule);
    }

    private void ComposeFooter(SKCanvas canvas, int number)
    {
        var area = PageLayout.Footer;
        var style = Typography.Small;
        using var ink = new SKPaint { Color = style.Color, IsAntialias = true };
        using var rule = new SKPaint { Color = new SKColor(0xD0, 0xD0, 0xD0), StrokeWidth = 0.5f, IsStroke = true };
        canvas.DrawLine(area.Left, area.Top, area.Right, area.Top, rule);
        var baseline = area.Top + 4 + style.Ascent;
        var page = $"Page {number} of {_pages.Count}";
        canvas.DrawText(TextFit.Ellipsize(footerText, style, area.Width - style.Width(page) - 20), area.Left, baseline, SKTextAlign.Left, style.Font, ink);
        canvas.DrawText(page, area.Right, baseline, SKTextAlign.Right, style.Font, ink);
    }
}

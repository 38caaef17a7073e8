using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>
/// Every text style of the PDF reports, in one place. The typefaces are DejaVu Sans, shipped in
/// Fonts/ (embedded resources) and loaded only from there, never from the system, so every page
/// looks the same on every machine and the font is embedded in the file.
/// </summary>
internal static class Typography
{
    public static readonly SKColor Ink = new(0x21, 0x21, 0x21);
    public static readonly SKColor Muted = new(0x5F, 0x63, 0x68);
    public static readonly SKColor Accent = new(0x1F, 0x4E, 0x79);
    public static readonly SKColor Better = new(0x2E, 0x7D, 0x32);
    public static readonly SKColor Worse = new(0xC6, 0x28, 0x28);

    public static readonly SKTypeface Regular = Load("DejaVuSans.ttf");
    public static readonly SKTypeface Bold = Load("DejaVuSans-Bold.ttf");

    public static readonly TextStyle Title = new(new SKFont(Bold, 18), Accent);
    public static readonly TextStyle Heading = new(new SKFont(Bold, 12), Accent);
    public static readonly TextStyle Body = new(new SKFont(Regular, 9), Ink);
    public static readonly TextStyle BodyBold = new(new SKFont(Bold, 9), Ink);
    public static readonly TextStyle Small = new(new SKFont(Regular, 7.5f), Muted);
    public static readonly TextStyle TableHeader = new(new SKFont(Bold, 7.5f), Ink);
    public static readonly TextStyle TableCell = new(new SKFont(Regular, 7.5f), Ink);
    public static readonly TextStyle KpiLabel = new(new SKFont(Regular, 8), Muted);
    public static readonly TextStyle KpiValue = new(new SKFont(Bold, 15), Ink);
    public static readonly TextStyle KpiChange = new(new SKFont(Regular, 8), Muted);

    /// <summary>The family name the charts ask ScottPlot for (resolved by <see cref="ChartFonts"/>).</summary>
    public const string ChartFamily = "Pipeline DejaVu Sans";

    private static SKTypeface Load(string file)
    {
        var name = "Pipeline.Warehouse.Reports.Fonts." + file;
        using var stream = typeof(Typography).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource '{name}' is missing from the assembly: Fonts/*.ttf are embedded on build.");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"The font resource '{name}' is not a font Skia can read.");
    }
}

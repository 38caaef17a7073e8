using ScottPlot;
using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>
/// Gives ScottPlot the report's own typefaces (<see cref="Typography"/>) for the family
/// <see cref="Typography.ChartFamily"/>, so charts never fall back to a system font.
/// </summary>
internal sealed class ChartFonts : IFontResolver
{
    private static readonly object Gate = new();
    private static bool _registered;

    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
                return;
            Fonts.FontResolvers.Insert(0, new ChartFonts());
            _registered = true;
        }
    }

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        fontName == Typography.ChartFamily ? (bold ? Typography.Bold : Typography.Regular) : null;
}

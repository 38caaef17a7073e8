using SkiaSharp;

namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>A4 landscape in points (1/72 inch), with the margins and the header and footer bands.</summary>
internal static class PageLayout
{
    public const float Width = 842;
    public const float Height = 595;
    public const float Margin = 32;
    public const float HeaderHeight = 22;
    public const float FooterHeight = 18;

    public static SKRect Header => new(Margin, Margin - 8, Width - Margin, Margin - 8 + HeaderHeight);

    public static SKRect Content => new(Margin, Header.Bottom + 6, Width - Margin, Footer.Top - 6);

    public static SKRect Footer => new(Margin, Height - Margin + 8 - FooterHeight, Width - Margin, Height - Margin + 8);
}

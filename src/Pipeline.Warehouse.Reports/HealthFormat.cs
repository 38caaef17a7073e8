using System.Globalization;

namespace Pipeline.Warehouse.Reports;

/// <summary>How the PDF reports write figures (invariant culture: "1,234,567", "45%", "12.5 d").</summary>
internal static class HealthFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>A whole amount with the reporting currency's symbol (marts.report_context): "$1,234,567", "-€12", "CHF 1,200".</summary>
    public static string Amount(decimal? value, string symbol) => value is { } amount ? Amount((double)amount, symbol) : "–";

    public static string Amount(double? value, string symbol)
    {
        if (value is not { } amount)
            return "–";
        var whole = Math.Round(amount, 0, MidpointRounding.AwayFromZero);
        return (whole < 0 ? "-" : "") + symbol + Math.Abs(whole).ToString("#,##0", Culture);
    }

    public static string Count(long value) => value.ToString("#,##0", Culture);

    /// <summary>"1 deal", "12 deals".</summary>
    public static string Deals(long count) => count == 1 ? "1 deal" : Count(count) + " deals";

    public static string Percent(double? rate) => rate is { } value ? (value * 100).ToString("0", Culture) + "%" : "–";

    public static string Days(double? days) => days is { } value ? value.ToString("0.0", Culture) + " d" : "–";

    public static string Score(double? z) => z is { } value ? value.ToString("0.0", Culture) : "–";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", Culture) ?? "–";

    public static string Month(DateOnly month) => month.ToString("MMM yyyy", Culture);

    public static double? Ratio(double numerator, double denominator) => denominator == 0 ? null : numerator / denominator;

    /// <summary>"+12% vs Oct 2026" (relative change), or "vs 0 in Oct 2026" when the prior figure is 0.</summary>
    public static string Change(double? current, double? prior, DateOnly priorMonth, Func<double?, string> format)
    {
        if (current is null || prior is null)
            return $"{format(prior)} in {Month(priorMonth)}";
        if (prior == 0)
            return $"vs {format(prior)} in {Month(priorMonth)}";
        var change = (current.Value - prior.Value) / Math.Abs(prior.Value) * 100;
        return $"{(change >= 0 ? "+" : "−")}{Math.Abs(change).ToString("0", Culture)}% vs {format(prior)} in {Month(priorMonth)}";
    }

    /// <summary>"+5 pts vs 40% in Oct 2026" for rates.</summary>
    public static string PointChange(double? current, double? prior, DateOnly priorMonth)
    {
        if (current is null || prior is null)
            return $"{Percent(prior)} in {Month(priorMonth)}";
        var points = (current.Value - prior.Value) * 100;
        return $"{(points >= 0 ? "+" : "−")}{Math.Abs(points).ToString("0", Culture)} pts vs {Percent(prior)} in {Month(priorMonth)}";
    }
}

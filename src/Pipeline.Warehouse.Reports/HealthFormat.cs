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

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", Culture) ?? "–";

    public static string Month(DateOnly month) => month.ToString("MMM yyyy", Culture);

    /// <summary>"Nov 2026" for a month, "Q4 2026" for a quarter (by the period's first day).</summary>
    public static string Period(string periodType, DateOnly start) => periodType == "quarter"
        ? $"Q{(start.Month - 1) / 3 + 1} {start.Year}"
        : start.ToString("MMMM yyyy", Culture);

    /// <summary>A compact amount for sentences: "$5.7M", "$120k", "$4.5k", "$900".</summary>
    public static string Compact(decimal? value, string symbol) => value is { } amount ? Compact((double)amount, symbol) : "–";

    public static string Compact(double? value, string symbol)
    {
        if (value is not { } amount)
            return "–";
        var size = Math.Abs(amount);
        var text = size switch
        {
            >= 999_950 => (size / 1_000_000).ToString("#,##0.0", Culture) + "M",
            >= 9_999.5 => (size / 1_000).ToString("0", Culture) + "k",
            >= 999.95 => (size / 1_000).ToString("0.0", Culture) + "k",
            _ => size.ToString("0", Culture),
        };
        return (Math.Round(amount) < 0 ? "-" : "") + symbol + text;
    }

    /// <summary>A coverage ratio: "2.2x", "0.04x" below 0.1 (so a small coverage never reads 0.0x).</summary>
    public static string Multiple(double? ratio) => ratio is { } value
        ? value.ToString(Math.Abs(value) < 0.1 && value != 0 ? "0.00" : "0.0", Culture) + "x"
        : "–";

    /// <summary>The run's notes without local paths: "input /home/me/exports; 1500 deals" becomes "1500 deals"; any other absolute path is cut to its last name.</summary>
    public static string WithoutPaths(string text)
    {
        var noInput = System.Text.RegularExpressions.Regex.Replace(text, @"(^|;\s*)input\s+(/|[A-Za-z]:[\\/]|\\\\)[^;]*(;\s*|$)", "$1");
        return System.Text.RegularExpressions.Regex.Replace(noInput, @"(?<![\w.])(/|[A-Za-z]:[\\/])[^\s;,]+", match => Path.GetFileName(match.Value.TrimEnd('/', '\\')));
    }
}

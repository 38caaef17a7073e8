namespace Pipeline.Warehouse.Reports;

/// <summary>
/// An early warning (a row of marts.segment_warnings or marts.team_warnings) in plain words, with
/// the user's labels: "Region EMEA: Discovery call → Opportunity conversion fell to 45% (of 31 exits) from 96% (of 120)".
/// </summary>
internal static class WarningText
{
    public const string NoWarnings = "No segment shows a significant drop this month";

    public static string Segment(WarningRow warning, Labels labels) => labels.Segment(warning.SegmentType, warning.SegmentValue);

    public static string What(WarningRow warning, Labels labels) => warning.Metric switch
    {
        "stage_conversion" => $"{labels.Step(warning.Stage ?? string.Empty)} conversion",
        "win_rate" => "win rate",
        "pipeline_creation" => "new pipeline",
        "cycle_time" => "median won sales cycle",
        var other => other,
    };

    /// <summary>The figure of a warning as its metric writes it: a rate, a count per month, or days.</summary>
    public static string Value(WarningRow warning, double? value) => warning.Metric switch
    {
        "pipeline_creation" => value?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "–",
        "cycle_time" => HealthFormat.Days(value),
        _ => HealthFormat.Percent(value),
    };

    public static string Sentence(WarningRow warning, Labels labels)
    {
        var detail = warning.Metric switch
        {
            "pipeline_creation" => $"fell to {HealthFormat.Deals(warning.CurrentN)} from a monthly mean of {Value(warning, warning.BaselineValue)} over the 6 months before",
            "cycle_time" => $"rose to {HealthFormat.Days(warning.CurrentValue)} ({HealthFormat.Count(warning.CurrentN)} won) from {HealthFormat.Days(warning.BaselineValue)} ({HealthFormat.Count(warning.BaselineN)} won)",
            "win_rate" => $"fell to {HealthFormat.Percent(warning.CurrentValue)} (of {HealthFormat.Count(warning.CurrentN)} closed) from {HealthFormat.Percent(warning.BaselineValue)} (of {HealthFormat.Count(warning.BaselineN)})",
            _ => $"fell to {HealthFormat.Percent(warning.CurrentValue)} (of {HealthFormat.Count(warning.CurrentN)} exits) from {HealthFormat.Percent(warning.BaselineValue)} (of {HealthFormat.Count(warning.BaselineN)})",
        };
        return $"{Segment(warning, labels)}: {What(warning, labels)} {detail}";
    }

    /// <summary>"Win rate" for a table cell; the sentences keep "win rate".</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

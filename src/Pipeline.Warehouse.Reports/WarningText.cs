using System.Globalization;

namespace Pipeline.Warehouse.Reports;

/// <summary>An early warning (a marts.segment_warnings row) in plain words, e.g. "EMEA: discovery call -> opportunity fell to 45% from 96% (z = -9.2)".</summary>
internal static class WarningText
{
    public const string NoWarnings = "No segment shows a significant drop this month";

    public static string Segment(ReportRow warning) => (warning.Text("segment_type"), warning.Text("segment_value")) switch
    {
        ("all", _) => "All deals",
        ("region", var value) => value ?? "(no region)",
        ("product", var value) => $"Product {value}",
        ("company_size", var value) => $"Company size {value}",
        ("lead_type", var value) => $"Lead type {value}",
        (var type, var value) => $"{type} {value}",
    };

    public static string What(ReportRow warning) => warning.Text("metric") switch
    {
        "stage_conversion" => StageStep(warning.Text("stage")),
        "win_rate" => "win rate",
        "pipeline_creation" => "new pipeline",
        "cycle_time" => "median won sales cycle",
        var other => other ?? "metric",
    };

    public static string Sentence(ReportRow warning)
    {
        var current = warning.Double("current_value");
        var baseline = warning.Double("baseline_value");
        var detail = warning.Text("metric") switch
        {
            "pipeline_creation" => $"fell to {HealthFormat.Count(warning.Long("current_n"))} deals from a monthly mean of {baseline?.ToString("0.0", CultureInfo.InvariantCulture)}",
            "cycle_time" => $"rose to {HealthFormat.Days(current)} from {HealthFormat.Days(baseline)}",
            _ => $"fell to {HealthFormat.Percent(current)} from {HealthFormat.Percent(baseline)} (z = {warning.Double("z_score")?.ToString("0.0", CultureInfo.InvariantCulture)})",
        };
        return $"{Segment(warning)}: {What(warning)} {detail}";
    }

    private static string StageStep(string? stage)
    {
        var order = Array.IndexOf(Stages.Names, stage) + 1;
        return order is >= 1 and <= 8 ? Stages.Step(order).Replace('_', ' ') : stage ?? "stage";
    }
}

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// The funnel steps the reports show (core.dim_stage): the used stages 1-8 in order, under the
/// user's own labels, each converting to its next used stage. Because skipped stages count as
/// reached (METRICS.md section 4), a used stage's conversion in marts.stage_flow is exactly the
/// conversion to that next used stage. A pipeline of Prospecting, Engaging, Won and Lost shows
/// "Prospecting → Engaging" and "Engaging → Won", not eight canonical steps.
/// </summary>
internal sealed class StageSteps
{
    private readonly Dictionary<int, string> _labels;
    private readonly Dictionary<int, int> _next;

    private StageSteps(Dictionary<int, string> labels, List<int> converting, Dictionary<int, int> next)
    {
        _labels = labels;
        Converting = converting;
        _next = next;
    }

    /// <summary>The canonical labels and all eight steps: a warehouse whose core.dim_stage says nothing of use.</summary>
    public static StageSteps Canonical { get; } = new(
        Enumerable.Range(1, 9).ToDictionary(order => order, order => Stages.Labels[order - 1]),
        [.. Stages.Converting],
        Enumerable.Range(1, 8).ToDictionary(order => order, order => order + 1));

    /// <summary>The orders (1-8) of the used stages, in order: one funnel step each.</summary>
    public IReadOnlyList<int> Converting { get; }

    /// <summary>The stage's name for people (core.dim_stage.label), e.g. Prospecting.</summary>
    public string Label(int order) => _labels.TryGetValue(order, out var label) ? label : Stages.Labels[order - 1];

    /// <summary>"Prospecting → Engaging" for a used stage: its label and its next used stage's.</summary>
    public string StepLabel(int order) => $"{Label(order)} → {Label(_next.TryGetValue(order, out var next) ? next : order + 1)}";

    /// <summary>True when the stage's next used stage is the canonical next one: only then does a published k -> k + 1 benchmark compare.</summary>
    public bool IsCanonicalStep(int order) => !_next.TryGetValue(order, out var next) || next == order + 1;

    internal static StageSteps Load(ReportQueries queries)
    {
        var rows = queries.Rows("report_stages");
        if (rows.Count == 0)
            return Canonical;
        var orders = rows.ToDictionary(row => row.Text("stage")!, row => (int)row.Long("stage_order"));
        var labels = rows.ToDictionary(row => (int)row.Long("stage_order"), row => row.Text("label") ?? Stages.Labels[(int)row.Long("stage_order") - 1]);
        var converting = rows.Where(row => row.Bool("is_used") && row.Long("stage_order") <= 8).Select(row => (int)row.Long("stage_order")).ToList();
        if (converting.Count == 0)
            converting = [.. Stages.Converting];
        var next = rows.Where(row => row.Long("stage_order") <= 8).ToDictionary(
            row => (int)row.Long("stage_order"),
            row => row.Text("next_used_stage") is { } stage && orders.TryGetValue(stage, out var order) ? order : (int)row.Long("stage_order") + 1);
        return new StageSteps(labels, converting, next);
    }
}

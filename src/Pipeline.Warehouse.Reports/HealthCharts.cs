using ScottPlot;
using ScottPlot.TickGenerators;

namespace Pipeline.Warehouse.Reports;

/// <summary>The ScottPlot charts of the health reports, styled alike and set in the report's own font.</summary>
internal static class HealthCharts
{
    private static readonly Color Current = Color.FromHex("#1F4E79");
    private static readonly Color Baseline = Color.FromHex("#9DC3E6");

    /// <summary>Stage conversion per stage: the latest complete month against the pooled 6-month baseline.</summary>
    public static Plot Funnel(IReadOnlyList<ReportRow> stages, DateOnly month)
    {
        var plot = Styled();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < stages.Count; i++)
        {
            var row = stages[i];
            var current = HealthFormat.Ratio(row.Long("current_advanced"), row.Long("current_exited"));
            var baseline = HealthFormat.Ratio(row.Long("baseline_advanced"), row.Long("baseline_exited"));
            bars.Add(new Bar { Position = i * 3, Value = (current ?? 0) * 100, FillColor = Current, LineWidth = 0 });
            bars.Add(new Bar { Position = i * 3 + 1, Value = (baseline ?? 0) * 100, FillColor = Baseline, LineWidth = 0 });
            ticks.Add(new Tick(i * 3 + 0.5, $"{row.Text("label")} →\n{row.Text("next_label")}", true));
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new NumericManual([.. ticks]);
        plot.Axes.Left.Label.Text = "conversion, %";
        // Room above 100% for the legend, so that no bar (a stage near 100%) hides behind it.
        plot.Axes.SetLimitsY(0, 145);
        plot.Axes.Left.TickGenerator = new NumericManual([.. new[] { 0, 25, 50, 75, 100 }.Select(v => new Tick(v, v.ToString(System.Globalization.CultureInfo.InvariantCulture), true))]);
        plot.Axes.SetLimitsX(-1, Math.Max(stages.Count * 3 - 1, 1));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = HealthFormat.Month(month), FillColor = Current });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "6 months before (pooled)", FillColor = Baseline });
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend();
        return plot;
    }

    /// <summary>One monthly series as bars (<paramref name="asBars"/>) or a line; missing months are left out.</summary>
    public static Plot Monthly(IReadOnlyList<(DateOnly Month, double? Value)> points, string unit, bool asBars)
    {
        var plot = Styled();
        var ticks = points.Select((point, i) => new Tick(i, MonthTick(point.Month, first: i == 0), true)).ToArray();
        var known = points.Select((point, i) => (X: (double)i, point.Value)).Where(point => point.Value is not null).ToList();
        if (asBars)
        {
            var bars = plot.Add.Bars(known.Select(point => point.X).ToArray(), known.Select(point => point.Value!.Value).ToArray());
            bars.Color = Current;
            foreach (var bar in bars.Bars)
                bar.LineWidth = 0;
        }
        else if (known.Count > 0)
        {
            var line = plot.Add.Scatter(known.Select(point => point.X).ToArray(), known.Select(point => point.Value!.Value).ToArray());
            line.Color = Current;
            line.LineWidth = 1.5f;
            line.MarkerSize = 4;
        }
        plot.Axes.Bottom.TickGenerator = new NumericManual(ticks);
        plot.Axes.Left.Label.Text = unit;
        plot.Axes.SetLimitsX(-0.7, Math.Max(points.Count - 0.3, 0.3));
        var values = known.Select(point => point.Value!.Value).DefaultIfEmpty(0).ToList();
        plot.Axes.SetLimitsY(0, Math.Max(values.Max() * 1.15, 1));
        return plot;
    }

    /// <summary>"N" for a month, "J\n'26" for January and for the first month, so 12 labels fit a narrow chart.</summary>
    private static string MonthTick(DateOnly month, bool first)
    {
        var letter = month.ToString("MMM", System.Globalization.CultureInfo.InvariantCulture)[..1];
        return month.Month == 1 || first ? $"{letter}\n'{month.Year % 100:00}" : letter;
    }

    private static Plot Styled()
    {
        Pdf.ChartFonts.Register();
        var plot = new Plot();
        plot.Font.Set(Pdf.Typography.ChartFamily);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = 7;
            axis.Label.FontSize = 7.5f;
            axis.Label.Bold = false;
            axis.MajorTickStyle.Length = 3;
            axis.MinorTickStyle.Length = 0;
        }
        plot.Legend.FontSize = 7;
        plot.Grid.MajorLineColor = Color.FromHex("#E6E6E6");
        plot.Axes.Margins(0.02, 0.05);
        return plot;
    }
}

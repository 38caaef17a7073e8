using ScottPlot;
using ScottPlot.TickGenerators;

namespace Pipeline.Warehouse.Reports;

/// <summary>The pipeline waterfall as a bridge chart.</summary>
internal static partial class HealthCharts
{
    private static readonly Color Increase = Color.FromHex("#2E7D32");
    private static readonly Color Decrease = Color.FromHex("#E07B39");

    /// <summary>
    /// A period's movements left to right (marts.pipeline_waterfall): start and end as bars from 0,
    /// each movement as a bar from the pipeline before it to the pipeline after it (bar_from, bar_to),
    /// green up and orange down, its amount above it.
    /// </summary>
    public static Plot Waterfall(IReadOnlyList<WaterfallRow> rows, string symbol)
    {
        var plot = Styled();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        var top = 1.0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var total = row.Movement is "start" or "end";
            var (from, to) = ((double)row.BarFrom, (double)row.BarTo);
            var color = total ? Current : row.Effect >= 0 ? Increase : Decrease;
            bars.Add(new Bar { Position = i, ValueBase = from, Value = to, FillColor = color, LineWidth = 0, Size = 0.7 });
            ticks.Add(new Tick(i, WaterfallText.Movement(row.Movement).Replace(' ', '\n'), true));
            var label = total || row.Effect == 0 ? HealthFormat.Compact(row.Amount, symbol)
                : (row.Effect > 0 ? "+" : "-") + HealthFormat.Compact(Math.Abs(row.Effect), symbol);
            Label(plot, label, i, Math.Max(from, to), Alignment.LowerCenter);
            top = Math.Max(top, Math.Max(from, to));
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new NumericManual([.. ticks]);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = value => HealthFormat.Compact(value, symbol), TargetTickCount = 5 };
        plot.Axes.SetLimitsX(-0.6, rows.Count - 0.4);
        plot.Axes.SetLimitsY(0, top * 1.15);
        return plot;
    }
}

using ScottPlot;
using ScottPlot.TickGenerators;

namespace Pipeline.Warehouse.Reports;

/// <summary>The ScottPlot charts of the health reports, styled alike and set in the report's own font.</summary>
internal static partial class HealthCharts
{
    private static readonly Color Current = Color.FromHex("#1F4E79");
    private static readonly Color Baseline = Color.FromHex("#9DC3E6");

    private static readonly Color Open = Color.FromHex("#9DC3E6");
    private static readonly Color Quota = Color.FromHex("#C62828");

    /// <summary>Stage conversion of each step (marts.funnel_windows' conversion): the latest complete month against the pooled 6-month baseline.</summary>
    public static Plot Funnel(IReadOnlyList<(string Step, double? Current, double? Baseline)> steps, DateOnly month)
    {
        var plot = Styled();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < steps.Count; i++)
        {
            var (step, current, baseline) = steps[i];
            bars.Add(new Bar { Position = i * 3, Value = (current ?? 0) * 100, FillColor = Current, LineWidth = 0 });
            bars.Add(new Bar { Position = i * 3 + 1, Value = (baseline ?? 0) * 100, FillColor = Baseline, LineWidth = 0 });
            ticks.Add(new Tick(i * 3 + 0.5, step.Replace(" → ", " →\n", StringComparison.Ordinal), true));
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new NumericManual([.. ticks]);
        plot.Axes.Left.Label.Text = "conversion, %";
        // Room above 100% for the legend, so that no bar (a stage near 100%) hides behind it.
        plot.Axes.SetLimitsY(0, 145);
        plot.Axes.Left.TickGenerator = new NumericManual([.. new[] { 0, 25, 50, 75, 100 }.Select(v => new Tick(v, v.ToString(System.Globalization.CultureInfo.InvariantCulture), true))]);
        plot.Axes.SetLimitsX(-1, Math.Max(steps.Count * 3 - 1, 1));
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = HealthFormat.Month(month), FillColor = Current });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "6 months before (pooled)", FillColor = Baseline });
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend();
        return plot;
    }

    /// <summary>
    /// Each period (top to bottom) as a horizontal bar: won to date, then the open deals expected to
    /// close in it laid after it, with the quota as a red marker (marts.period_attainment). No legend:
    /// the title says which is which.
    /// </summary>
    public static Plot Attainment(IReadOnlyList<AttainmentRow> periods, string symbol)
    {
        var plot = Styled();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < periods.Count; i++)
        {
            var row = periods[i];
            var y = periods.Count - 1 - i;
            var won = (double)row.WonToDate;
            // Drawing only: the open bar starts where the won bar ends.
            bars.Add(new Bar { Position = y, ValueBase = 0, Value = won, FillColor = Current, LineWidth = 0, Size = 0.55 });
            bars.Add(new Bar { Position = y, ValueBase = won, Value = won + (double)row.OpenInPeriod, FillColor = Open, LineWidth = 0, Size = 0.55 });
            ticks.Add(new Tick(y, HealthFormat.Period(row.PeriodType, row.PeriodStart), true));
            if (row.Quota is { } quota)
            {
                var marker = plot.Add.Line((double)quota, y - 0.4, (double)quota, y + 0.4);
                marker.LineWidth = 2.5f;
                marker.LineColor = Quota;
            }
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.TickGenerator = new NumericManual([.. ticks]);
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { LabelFormatter = value => HealthFormat.Compact(value, symbol), TargetTickCount = 8 };
        plot.Axes.SetLimitsY(-0.6, periods.Count - 0.4);
        // The key is in the chart's title (a legend would take half of so flat a chart).
        return plot;
    }

    private static readonly Color Range = Color.FromHex("#9DC3E6").WithAlpha(0.55);

    /// <summary>
    /// A current period's won-so-far path (marts.forecast_cumulative_won) from its first day to the
    /// as-of date, the quota as a red line, and the forecast (marts.forecast_scopes) from the as-of
    /// date to the period's end: the P10-P90 range as a band widening from won to date, the midpoint
    /// dashed. X is days from the period's start (the end of day d at d + 1); positions only, no figure.
    /// </summary>
    public static Plot Forecast(ForecastRow row, IReadOnlyList<CumulativeWonRow> path, DateOnly asOf, string symbol)
    {
        var plot = Styled();
        var start = row.PeriodStart;
        double X(DateOnly day) => day.DayNumber - start.DayNumber;
        var end = X(row.PeriodEnd);
        var now = Math.Min(X(asOf.AddDays(1)), end);
        var pad = end / 40;
        var xs = path.Select(point => X(point.Day.AddDays(1))).Prepend(0).ToArray();
        var ys = path.Select(point => (double)point.CumulativeWon).Prepend(0).ToArray();
        var won = plot.Add.Scatter(xs, ys);
        won.Color = Current;
        won.LineWidth = 2;
        won.MarkerSize = 0;
        won.ConnectStyle = ConnectStyle.StepHorizontal;
        var wonToDate = (double)row.WonToDate;
        var top = Math.Max(wonToDate, 1);
        string C(double value) => HealthFormat.Compact(value, symbol);
        if (row.HasForecast && now < end)
        {
            var (low, mid, high) = ((double)row.Low!.Value, (double)row.ForecastTotal!.Value, (double)row.High!.Value);
            var band = plot.Add.FillY([now, end], [wonToDate, low], [wonToDate, high]);
            band.FillColor = Range;
            band.LineWidth = 0;
            var midpoint = plot.Add.Line(now, wonToDate, end, mid);
            midpoint.LineColor = Current;
            midpoint.LineWidth = 1.5f;
            midpoint.LinePattern = LinePattern.Dashed;
            top = Math.Max(top, Math.Max(high, (double)(row.Quota ?? 0)));
            // The three labels at least a sixth of the axis apart, so that a narrow range stays readable.
            var apart = top * 0.19;
            Label(plot, $"P90 {C(high)}", end + pad, Math.Max(high, mid + apart), Alignment.MiddleLeft);
            Label(plot, $"forecast {C(mid)}", end + pad, mid, Alignment.MiddleLeft);
            Label(plot, $"P10 {C(low)}", end + pad, Math.Min(low, mid - apart), Alignment.MiddleLeft);
        }
        if (row.Quota is { } quota)
        {
            var line = plot.Add.Line(0, (double)quota, end, (double)quota);
            line.LineColor = Quota;
            line.LineWidth = 1.5f;
            Label(plot, $"quota {C((double)quota)}", 0, (double)quota, Alignment.LowerLeft);
            top = Math.Max(top, (double)quota);
        }
        var today = plot.Add.VerticalLine(now);
        today.LineColor = Color.FromHex("#8A8A8A");
        today.LineWidth = 0.8f;
        today.LinePattern = LinePattern.Dotted;
        var ticks = new List<Tick>();
        // A tick every week (month) or month (quarter), none too close to the "end" tick.
        for (var day = start; X(day) < end - 3; day = row.PeriodType == "quarter" ? day.AddMonths(1) : day.AddDays(7))
            ticks.Add(new Tick(X(day), day.ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture), true));
        ticks.Add(new Tick(end, "end", true));
        plot.Axes.Bottom.TickGenerator = new NumericManual([.. ticks]);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = value => C(value), TargetTickCount = 5 };
        // Room right of the period's end for the labels of the range; no legend: the caption says which line is which.
        plot.Axes.SetLimitsX(0, end + 12 * pad);
        plot.Axes.SetLimitsY(0, top * 1.22);
        return plot;
    }

    private static void Label(Plot plot, string text, double x, double y, Alignment alignment)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = 7;
        label.LabelFontColor = Color.FromHex("#333333");
        label.LabelAlignment = alignment;
        label.LabelFontName = Pdf.Typography.ChartFamily;
    }

    /// <summary>One monthly series as bars (<paramref name="asBars"/>) or a line; missing months are left out.</summary>
    public static Plot Monthly(IReadOnlyList<(DateOnly Month, double? Value)> points, string unit, bool asBars, Func<double, string>? format = null)
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
        if (format is not null)
            plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = format };
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

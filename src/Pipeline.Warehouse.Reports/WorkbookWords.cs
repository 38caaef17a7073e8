using System.Globalization;
using ClosedXML.Excel;
using Pipeline.Warehouse.Reports.Benchmarks;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// The words and cells the workbooks share: verdicts of the marts in colour, industry benchmarks
/// with their fit, amounts written into sentences. Nothing here computes a warehouse figure.
/// </summary>
internal static class WorkbookWords
{
    public const string ThisMonth = "this_month";
    public const string ThisQuarter = "this_quarter";
    public const string Trailing12Months = "trailing_12_months";

    /// <summary>Relative distance within which an exact benchmark counts as "about the same" (stated in the sheet's note).</summary>
    public const double BenchmarkTolerance = 0.10;

    public const string NoBenchmark = "no benchmark";

    public const string NotCompared = "not compared (approximate)";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An amount in a sentence: "€1,234,567", "$1,234.50".</summary>
    public static string Money(decimal amount, string symbol) =>
        symbol + amount.ToString(Formats.IsWhole((double)amount) ? "N0" : "N2", CultureInfo.InvariantCulture);

    /// <summary>A verdict of marts.rep_comparison or marts.rep_stage_comparison in its own words; green or red only for better or worse.</summary>
    public static IXLCell Verdict(SheetWriter sheet, int row, int column, string verdict)
    {
        var cell = sheet.Text(row, column, verdict);
        var colour = verdict switch
        {
            "better" or "stronger" => Formats.Better,
            "worse" or "weaker" => Formats.Worse,
            _ => null,
        };
        if (colour is not null)
        {
            cell.Style.Font.FontColor = XLColor.FromHtml(colour);
            cell.Style.Font.Bold = true;
        }
        return cell;
    }

    /// <summary>
    /// A benchmark in three cells from <paramref name="column"/>: its figure (or "no benchmark"),
    /// its fit, and the comparison: for an exact figure "above", "below" or "about the same"
    /// within <see cref="BenchmarkTolerance"/>; for an approximate one no comparison at all.
    /// </summary>
    public static void Benchmark(SheetWriter sheet, int row, int column, double? mine, Benchmark? benchmark, string format)
    {
        if (benchmark is null)
        {
            var none = sheet.Text(row, column, NoBenchmark);
            none.Style.Font.FontColor = XLColor.FromHtml(Formats.NoteColour);
            sheet.Missing(row, column + 1);
            sheet.Missing(row, column + 2);
            return;
        }
        sheet.Number(row, column, benchmark.Value, format);
        sheet.Text(row, column + 1, benchmark.IsApproximate ? "approximate" : "exact");
        if (benchmark.IsApproximate)
        {
            var note = sheet.Text(row, column + 2, NotCompared);
            note.Style.Font.FontColor = XLColor.FromHtml(Formats.NoteColour);
        }
        else if (mine is not { } value)
        {
            sheet.Missing(row, column + 2);
        }
        else
        {
            sheet.Text(row, column + 2, Math.Abs(value - benchmark.Value) <= BenchmarkTolerance * Math.Abs(benchmark.Value)
                ? "about the same"
                : value > benchmark.Value ? "above" : "below");
        }
    }

    /// <summary>The benchmarks a sheet used, each with its figure, fit note, source, year and definition; then how to read them.</summary>
    public static int BenchmarkNotes(SheetWriter sheet, int row, int lastColumn, IReadOnlyList<(string Label, Benchmark Benchmark)> used, BenchmarkTable table)
    {
        sheet.Section(row++, "Industry benchmarks");
        foreach (var (label, b) in used)
        {
            var figure = b.Metric == BenchmarkTable.CycleDays
                ? b.Value.ToString("0.#", CultureInfo.InvariantCulture) + " days"
                : b.Value.ToString("0.##%", CultureInfo.InvariantCulture);
            var fit = b.IsApproximate ? $" {b.Note}" : b.Note is null ? " Exact: the same definition as ours." : $" Exact. {b.Note}";
            sheet.Paragraph(row++, $"{label} {figure}: {b.Source}, {b.Year}. {b.Definition}{(b.Url is null ? "" : " " + b.Url)}{fit}", lastColumn);
        }
        sheet.Paragraph(row++,
            $"An approximate benchmark measures something close to ours but not the same: it is shown with its note and never marked better or worse (\"{NotCompared}\"). " +
            $"An exact one is \"above\" or \"below\", or \"about the same\" when within {BenchmarkTolerance:0%} of it (relative). " +
            $"\"{NoBenchmark}\": the table holds no published figure for it. Table: {Path.GetFileName(table.Path)}.", lastColumn);
        if (table.Warning is { } warning)
            sheet.Paragraph(row++, warning, lastColumn);
        return row;
    }

    /// <summary>The stage conversion benchmark of a used stage, only where its next used stage is the canonical next one (a published k → k + 1 figure then measures the same step).</summary>
    public static Benchmark? StageBenchmark(BenchmarkTable table, Labels labels, StageInfo stage)
    {
        var next = labels.Stages.FirstOrDefault(info => info.Stage == stage.NextUsedStage);
        var nextOrder = next?.Order ?? (stage.NextUsedStage == "closed_won" ? 9 : -1);
        return nextOrder == stage.Order + 1 ? table.Find(BenchmarkTable.StageConversion, stage.Stage) : null;
    }
}

using Pipeline.Warehouse.Reports.Benchmarks;
using System.Diagnostics;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Writes the Excel scorecards of a warehouse: <c>reps/&lt;rep_id&gt;-&lt;name&gt;.xlsx</c> for every
/// current rep (marts.report_reps; a rep without deals gets one that says so), and
/// <c>managers/&lt;team&gt;.xlsx</c> per team. Every figure comes from the marts, read once by
/// <see cref="ReportSet.Load"/>; the workbooks only choose rows, words and formats. File names are sanitized (<see cref="SafeFileName"/>), so every file stays in its folder.
/// Each file is written atomically (<see cref="AtomicFile"/>); the temporary files a killed run left
/// in reps/ and managers/ are removed first.
/// </summary>
public static class Scorecards
{
    /// <param name="warehousePath">The warehouse file, opened read-only.</param>
    /// <param name="outputDirectory">Where reps/ and managers/ are created.</param>
    /// <param name="onFile">Called with the full path of each file written.</param>
    /// <param name="benchmarks">The industry benchmarks to compare against; default: the shipped table.</param>
    /// <remarks>Opens the warehouse for these workbooks alone; to write a report set from one version of the warehouse, open a <see cref="ReportSource"/> and pass it to each writer.</remarks>
    public static ScorecardResult Write(string warehousePath, string outputDirectory, Action<string>? onFile = null, BenchmarkTable? benchmarks = null)
    {
        using var source = ReportSource.Open(warehousePath);
        return Write(source, outputDirectory, onFile, benchmarks);
    }

    /// <summary>
    /// Writes the scorecards from an open <paramref name="source"/>, so that they show the same
    /// version of the warehouse as the other reports of the set.
    /// </summary>
    public static ScorecardResult Write(ReportSource source, string outputDirectory, Action<string>? onFile = null, BenchmarkTable? benchmarks = null)
    {
        var clock = Stopwatch.StartNew();
        // Always the warehouse's own as-of date: its figures are as of that date and no other (ReportSource.AsOfFor).
        var date = source.LatestAsOf;
        var set = source.Set;
        var table = benchmarks ?? BenchmarkTable.Default();
        var reps = Directory.CreateDirectory(Path.Combine(outputDirectory, "reps")).FullName;
        var managers = Directory.CreateDirectory(Path.Combine(outputDirectory, "managers")).FullName;
        AtomicFile.RemoveLeftovers(reps);
        AtomicFile.RemoveLeftovers(managers);
        var repFiles = new List<string>();
        foreach (var rep in set.Reps)
        {
            var path = SafeFileName.Unique(Path.Combine(reps, $"{SafeFileName.From(rep.RepId, "rep")}-{SafeFileName.From(rep.Name)}.xlsx"), repFiles);
            new RepWorkbook(set, rep, table, source.CurrencySymbol).Save(path);
            repFiles.Add(path);
            onFile?.Invoke(path);
        }
        var managerFiles = new List<string>();
        foreach (var team in set.Teams)
        {
            var path = SafeFileName.Unique(Path.Combine(managers, $"{SafeFileName.From(team, "team")}.xlsx"), managerFiles);
            new ManagerWorkbook(set, team, source.CurrencySymbol).Save(path);
            managerFiles.Add(path);
            onFile?.Invoke(path);
        }
        return new ScorecardResult(date, Path.GetFullPath(outputDirectory), repFiles, managerFiles, clock.Elapsed);
    }
}

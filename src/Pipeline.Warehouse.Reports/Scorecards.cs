using Pipeline.Warehouse.Reports.Benchmarks;
using System.Diagnostics;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Writes the Excel scorecards of a warehouse: <c>reps/&lt;rep_id&gt;-&lt;name&gt;.xlsx</c> for every
/// current rep (marts.report_reps; a rep without deals gets one that says so), and
/// <c>managers/&lt;team&gt;.xlsx</c> per team. Every figure comes from the marts, read by the
/// <see cref="ReportSet"/> batch by batch (a batch's rep workbooks, then its teams'), each row once;
/// the workbooks only choose rows, words and formats. File names are sanitized (<see cref="SafeFileName"/>), so every file stays in its folder.
/// The workbooks are laid out on the calling thread and saved on background threads (<see cref="WorkbookSaver"/>).
/// Each file is written atomically (<see cref="AtomicFile"/>); the temporary files a killed run left
/// in reps/ and managers/ are removed first.
/// </summary>
public static class Scorecards
{
    /// <param name="warehousePath">The warehouse file, opened read-only.</param>
    /// <param name="outputDirectory">Where reps/ and managers/ are created.</param>
    /// <param name="onFile">Called with the full path of each file written, one call at a time, in the order the files are finished.</param>
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
        // The names first, the reps' in the roster's order and the teams' by name, so that names that
        // sanitize alike are told apart the same way whatever order the files are written in.
        var repFiles = SafeFileName.Unique(set.Reps.Select(rep => Path.Combine(reps, $"{SafeFileName.From(rep.RepId, "rep")}-{SafeFileName.From(rep.Name)}.xlsx")));
        var managerFiles = SafeFileName.Unique(set.Teams.Select(team => Path.Combine(managers, $"{SafeFileName.From(team, "team")}.xlsx")));
        var repFile = set.Reps.Zip(repFiles).ToDictionary<(RosterRep First, string Second), RosterRep, string>(pair => pair.First, pair => pair.Second, ReferenceEqualityComparer.Instance);
        var managerFile = set.Teams.Zip(managerFiles).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
        // Then batch by batch: its reps' workbooks, then its teams', so that the set reads each batch once.
        // The set is read here, on this thread; the laid-out workbooks are saved in the background.
        using (var saver = new WorkbookSaver(set.Context.AsOfInstant, onFile))
        {
            foreach (var batch in set.Batches)
            {
                foreach (var rep in batch.Reps)
                    saver.Add(new RepWorkbook(set, rep, table, source.CurrencySymbol).Build(), repFile[rep]);
                foreach (var team in batch.Teams)
                    saver.Add(new ManagerWorkbook(set, team, source.CurrencySymbol).Build(), managerFile[team]);
            }
            saver.Complete();
        }
        return new ScorecardResult(date, Path.GetFullPath(outputDirectory), repFiles, managerFiles, clock.Elapsed);
    }
}

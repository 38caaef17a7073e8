using System.Diagnostics;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Writes the PDF health reports of a warehouse: <c>executive-health.pdf</c> over every deal, and
/// <c>managers/&lt;team&gt;.pdf</c> per team of a current rep (<see cref="ReportSet.Teams"/>), over
/// the deals of its current reps, every figure from the marts read by <see cref="ReportSet"/>: the
/// company's once, the teams' batch by batch, each row once. File names are
/// sanitized (<see cref="SafeFileName"/>), so every file stays in its folder. Each file is written
/// atomically (<see cref="AtomicFile"/>); the temporary files a killed run left in the folder and in
/// managers/ are removed first.
/// </summary>
public static class HealthReports
{
    public const string ExecutiveFileName = "executive-health.pdf";

    /// <param name="warehousePath">The warehouse file, opened read-only.</param>
    /// <param name="outputDirectory">Where the executive PDF and managers/ are created.</param>
    /// <param name="onFile">Called with the full path of each file written.</param>
    /// <remarks>Opens the warehouse for these PDFs alone; to write a report set from one version of the warehouse, open a <see cref="ReportSource"/> and pass it to each writer.</remarks>
    public static HealthReportResult Write(string warehousePath, string outputDirectory, Action<string>? onFile = null)
    {
        using var source = ReportSource.Open(warehousePath);
        return Write(source, outputDirectory, onFile);
    }

    /// <summary>
    /// Writes the PDFs from an open <paramref name="source"/>, so that they show the same version of
    /// the warehouse as the other reports of the set.
    /// </summary>
    public static HealthReportResult Write(ReportSource source, string outputDirectory, Action<string>? onFile = null)
    {
        var clock = Stopwatch.StartNew();
        // Every figure of every PDF from the source's one version of the warehouse.
        var set = source.Set;
        Directory.CreateDirectory(outputDirectory);
        var managers = Directory.CreateDirectory(Path.Combine(outputDirectory, "managers")).FullName;
        AtomicFile.RemoveLeftovers(outputDirectory);
        AtomicFile.RemoveLeftovers(managers);
        var executive = Path.GetFullPath(Path.Combine(outputDirectory, ExecutiveFileName));
        new HealthDocument(set, team: null).Save(executive);
        onFile?.Invoke(executive);
        var managerFiles = SafeFileName.Unique(set.Teams.Select(team => Path.Combine(managers, $"{SafeFileName.From(team, "team")}.pdf")));
        var managerFile = set.Teams.Zip(managerFiles).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
        // Batch by batch (the teams in order), so that the set reads each batch once.
        foreach (var team in set.Batches.SelectMany(batch => batch.Teams))
        {
            new HealthDocument(set, team).Save(managerFile[team]);
            onFile?.Invoke(managerFile[team]);
        }
        return new HealthReportResult(set.AsOf, Path.GetFullPath(outputDirectory), executive, managerFiles, clock.Elapsed);
    }
}

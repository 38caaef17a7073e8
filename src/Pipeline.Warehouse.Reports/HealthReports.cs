using System.Diagnostics;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Writes the PDF health reports of a warehouse: <c>executive-health.pdf</c> over every deal, and
/// <c>managers/&lt;team&gt;.pdf</c> per team, over the deals of its current reps: the teams of the
/// Excel manager workbooks (<see cref="Scorecards"/>), those with a rep with deals in the last 12 months. File names are
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
        var queries = source.Queries;
        // Always the warehouse's own as-of date: its figures are as of that date and no other (ReportSource.AsOfFor).
        var date = source.LatestAsOf;
        Directory.CreateDirectory(outputDirectory);
        var managers = Directory.CreateDirectory(Path.Combine(outputDirectory, "managers")).FullName;
        AtomicFile.RemoveLeftovers(outputDirectory);
        AtomicFile.RemoveLeftovers(managers);
        var executive = Path.GetFullPath(Path.Combine(outputDirectory, ExecutiveFileName));
        new HealthDocument(HealthData.Load(queries, date, team: null, source.LoadLabel, source.CurrencySymbol)).Save(executive);
        onFile?.Invoke(executive);
        var managerFiles = new List<string>();
        var teams = queries.Rows("report_reps", ("as_of", date))
            .Where(rep => rep.Bool("has_recent_deals") && rep.Text("team") is not null)
            .Select(rep => rep.Text("team")!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var team in teams)
        {
            var path = SafeFileName.Unique(Path.Combine(managers, $"{SafeFileName.From(team, "team")}.pdf"), managerFiles);
            new HealthDocument(HealthData.Load(queries, date, team, source.LoadLabel, source.CurrencySymbol)).Save(path);
            managerFiles.Add(path);
            onFile?.Invoke(path);
        }
        return new HealthReportResult(date, Path.GetFullPath(outputDirectory), executive, managerFiles, clock.Elapsed);
    }
}

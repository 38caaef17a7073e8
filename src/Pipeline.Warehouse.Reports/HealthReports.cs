using System.Diagnostics;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Writes the PDF health reports of a warehouse: <c>executive-health.pdf</c> over every deal, and
/// <c>managers/&lt;team&gt;.pdf</c> per team, over the deals of its current reps: the teams of the
/// Excel manager workbooks (<see cref="Scorecards"/>), those with a rep with deals in the last 12 months. File names are
/// sanitized (<see cref="SafeFileName"/>), so every file stays in its folder.
/// </summary>
public static class HealthReports
{
    public const string ExecutiveFileName = "executive-health.pdf";

    /// <param name="warehousePath">The warehouse file, opened read-only.</param>
    /// <param name="outputDirectory">Where the executive PDF and managers/ are created.</param>
    /// <param name="asOf">The as-of date; default: that of the latest run in meta.etl_run.</param>
    /// <param name="onFile">Called with the full path of each file written.</param>
    public static HealthReportResult Write(string warehousePath, string outputDirectory, DateOnly? asOf = null, Action<string>? onFile = null)
    {
        var clock = Stopwatch.StartNew();
        using var queries = new ReportQueries(warehousePath);
        var date = asOf ?? LatestAsOf(queries, warehousePath);
        Directory.CreateDirectory(outputDirectory);
        var executive = Path.GetFullPath(Path.Combine(outputDirectory, ExecutiveFileName));
        new HealthDocument(HealthData.Load(queries, date, team: null)).Save(executive);
        onFile?.Invoke(executive);
        var managers = Directory.CreateDirectory(Path.Combine(outputDirectory, "managers")).FullName;
        var managerFiles = new List<string>();
        var teams = queries.Rows("report_reps", ("as_of", date))
            .Where(rep => rep.Bool("has_recent_deals") && rep.Text("team") is not null)
            .Select(rep => rep.Text("team")!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var team in teams)
        {
            var path = Unique(Path.Combine(managers, $"{SafeFileName.From(team, "team")}.pdf"), managerFiles);
            new HealthDocument(HealthData.Load(queries, date, team)).Save(path);
            managerFiles.Add(path);
            onFile?.Invoke(path);
        }
        return new HealthReportResult(date, Path.GetFullPath(outputDirectory), executive, managerFiles, clock.Elapsed);
    }

    private static DateOnly LatestAsOf(ReportQueries queries, string warehousePath)
    {
        var rows = queries.Rows("report_as_of");
        return rows.Count > 0 && rows[0].Date("as_of") is { } date
            ? date
            : throw new InvalidOperationException($"The warehouse '{warehousePath}' has no run in meta.etl_run, so it has no as-of date: pass one, or run the ETL first.");
    }

    /// <summary>Two team names that sanitize alike get "-2", "-3"... rather than overwrite each other.</summary>
    private static string Unique(string path, List<string> written)
    {
        var candidate = path;
        for (var n = 2; written.Contains(candidate, StringComparer.OrdinalIgnoreCase); n++)
            candidate = Path.Combine(Path.GetDirectoryName(path)!, $"{Path.GetFileNameWithoutExtension(path)}-{n}.pdf");
        return candidate;
    }
}

using System.Globalization;
using System.Text;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>The short plain-text summary the CLI prints after a successful run.</summary>
public static class RunSummary
{
    public static string Format(RunResult run)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Run {run.LoadId} as of {run.AsOf:yyyy-MM-dd} -> {run.Warehouse}");
        text.AppendLine(c, $"Dialect: {run.Dialect} ({run.DialectReason})");
        if (run.FreshnessWarning is { } stale)
            text.AppendLine(c, $"Warning: {stale}");
        text.AppendLine();
        var width = Math.Max(24, run.Files.Select(f => f.File.Length + 1).DefaultIfEmpty(0).Max());
        text.AppendLine(c, $"{"file".PadRight(width)} {"rows",12} {"loaded",12} {"rejected",10} {"duplicates",11}");
        foreach (var file in run.Files)
            text.AppendLine(c, $"{file.File.PadRight(width)} {file.Rows,12:N0} {file.Loaded,12:N0} {file.Rejected,10:N0} {file.Duplicates,11:N0}");
        var excluded = run.Files.Sum(f => f.Excluded);
        if (excluded > 0)
            text.AppendLine(c, $"{excluded:N0} of the rejected rows are records deleted in the CRM (IsDeleted): excluded, not bad input.");
        text.AppendLine();
        text.AppendLine(c, $"deals           {run.Deals,12:N0}   in core.fact_deal (created before the as-of instant)");
        if (run.DealsAfterAsOf > 0)
            text.AppendLine(c, $"                {run.DealsAfterAsOf,12:N0}   created after the as-of date: loaded, not in core.fact_deal");
        text.AppendLine(c, $"transitions     {run.Transitions,12:N0}   in core.fact_stage_transition");
        text.AppendLine(c, $"synthesized     {run.SynthesizedDeals,12:N0}   deals whose timeline was built from the deal row (no usable history)");
        if (run.EstimatedCreatedAt > 0)
            text.AppendLine(c, $"estimated       {run.EstimatedCreatedAt,12:N0}   deals whose created_at is estimated (the mapping's createdAtFallback: another column, or the night first seen)");
        text.AppendLine(c, $"unknown         {run.UnknownLeadTypes,12:N0}   lead types, {run.UnknownCompanySizes:N0} company sizes");
        text.AppendLine();
        foreach (var phase in run.Phases)
            text.AppendLine(c, $"{phase.Phase,-20} {phase.Elapsed.TotalSeconds,8:0.00} s");
        text.AppendLine(c, $"{"total",-20} {run.Elapsed.TotalSeconds,8:0.00} s");
        if (run.Reports is { } reports)
        {
            text.AppendLine();
            text.AppendLine(c, $"Scorecards: {reports.RepFiles.Count} rep and {reports.ManagerFiles.Count} manager workbooks in {reports.OutputDirectory}");
        }
        if (run.HealthReports is { } health)
            text.AppendLine(c, $"Health reports: {Path.GetFileName(health.ExecutiveFile)} and {health.ManagerFiles.Count} manager PDFs in {health.OutputDirectory}");
        var rejected = run.Files.Sum(f => f.Rejected);
        if (rejected > 0)
        {
            text.AppendLine();
            text.AppendLine(c, $"{rejected:N0} rows were rejected; each is in meta.rejected_row with its file, line, column, value and how to fix it:");
            text.AppendLine(c, $"  select * from meta.rejected_row where load_id = {run.LoadId} order by file, line;");
        }
        return text.ToString();
    }
}

using System.Globalization;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// The freshness check of a run: the age of an export is the wall clock now minus the modification
/// time of its newest input file (freshness is about operation; no figure ever reads the clock).
/// Older than Freshness:WarnAfterHours warns, older than Freshness:ErrorAfterHours refuses the run.
/// An age that cannot be known, a newest file dated in the future (the exporter's clock or the copy
/// that set the time is off), warns and never refuses: the check guards against stale exports, and
/// a future date says nothing about staleness.
/// </summary>
public static class Freshness
{
    /// <summary>How far in the future a file may be dated and still count as just written (clocks drift).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>A warning to keep with the run (null when fresh or not checked); throws <see cref="InputException"/> past the error age.</summary>
    public static string? Check(IEnumerable<string> files, FreshnessOptions options, DateTime nowUtc)
    {
        if (options.WarnAfterHours is null && options.ErrorAfterHours is null)
            return null;
        var newest = files.Distinct(StringComparer.Ordinal)
            .Select(path => (Path: path, Modified: File.GetLastWriteTimeUtc(path)))
            .OrderByDescending(f => f.Modified)
            .FirstOrDefault();
        if (newest.Path is null)
            return "the age of the export is unknown: it has no input files; freshness was not checked.";
        var name = System.IO.Path.GetFileName(newest.Path);
        var age = nowUtc - newest.Modified;
        if (age < -ClockSkew)
            return $"the age of the export is unknown: its newest file, {name}, is dated {Stamp(newest.Modified)}, "
                + $"{Hours(-age)} in the future (check the clocks of the exporter and of this machine); freshness was not checked.";
        if (age < TimeSpan.Zero)
            age = TimeSpan.Zero;
        if (options.ErrorAfterHours is { } error && age.TotalHours > error)
            throw new InputException(
                $"The export in {System.IO.Path.GetDirectoryName(newest.Path)} is {Hours(age)} old: its newest file, {name}, was modified at {Stamp(newest.Modified)}, "
                + $"more than Freshness:ErrorAfterHours = {error.ToString(CultureInfo.InvariantCulture)} hours ago. The warehouse was not changed. "
                + "Check that the CRM export ran tonight; to load this export anyway, raise Freshness:ErrorAfterHours "
                + "(--error-after-hours, PIPELINE_WAREHOUSE__Freshness__ErrorAfterHours or appsettings.json).");
        if (options.WarnAfterHours is { } warn && age.TotalHours > warn)
            return $"the export is {Hours(age)} old (newest file {name}, modified at {Stamp(newest.Modified)}), "
                + $"older than Freshness:WarnAfterHours = {warn.ToString(CultureInfo.InvariantCulture)} hours.";
        return null;
    }

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string Hours(TimeSpan age) => age.TotalHours.ToString("0.0", CultureInfo.InvariantCulture) + " hours";
}

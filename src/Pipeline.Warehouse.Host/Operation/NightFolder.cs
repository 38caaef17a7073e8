using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// One night's exports in the inbox: a folder named <c>YYYY-MM-DD</c>, optionally followed by
/// <c>_suffix</c> (letters, digits, '.', '-', '_'), e.g. <c>2026-12-01_redelivered</c>. The date is
/// the night's as-of date.
/// </summary>
public sealed partial record NightFolder(string Path, string Name, DateOnly AsOf)
{
    public static NightFolder? TryParse(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        var match = NamePattern().Match(name);
        if (!match.Success
            || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
            return null;
        return new NightFolder(path, name, asOf);
    }

    /// <summary>
    /// The inbox's night folders, oldest first: by date, then by name (ordinal), so
    /// 2026-12-01 comes before 2026-12-01_redelivered. Other entries are passed to <paramref name="ignored"/>.
    /// </summary>
    public static IReadOnlyList<NightFolder> List(string inbox, Action<string>? ignored = null)
    {
        var nights = new List<NightFolder>();
        foreach (var folder in Directory.GetDirectories(inbox))
        {
            if (TryParse(folder) is { } night)
                nights.Add(night);
            else
                ignored?.Invoke(System.IO.Path.GetFileName(folder));
        }
        return [.. nights.OrderBy(n => n.AsOf).ThenBy(n => n.Name, StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(_[A-Za-z0-9._-]+)?$")]
    private static partial Regex NamePattern();
}

using System.Globalization;
using System.Text;

namespace Pipeline.Warehouse.Demo;

/// <summary>
/// The generator's record of what happened over the nights, in DIR/truth/ (a name an inbox of
/// yyyy-MM-dd folders ignores): pipeline_snapshot.csv (the rows a warehouse's
/// core.fact_pipeline_snapshot holds after every night), nights.csv (each night's files, odd nights
/// and counts by <see cref="NightEvent"/>), deleted_deals.csv and team_changes.csv.
/// </summary>
internal static class NightsRecord
{
    public const string Folder = "truth";

    public static readonly string[] NightColumns =
    [
        "night", "deals", "history_rows", "open_deals", "has_stage_history", "redelivered_as",
        .. Enum.GetNames<NightEvent>().Select(SnakeCase),
    ];

    public static readonly string[] DeletionColumns = ["deal_id", "last_night_present", "first_night_absent"];

    public static readonly string[] TeamChangeColumns = ["rep_id", "old_team", "new_team", "first_night"];

    /// <summary>Where a night's snapshot rows are written while the nights are generated.</summary>
    public static string SnapshotPart(string truth, int night) => Path.Combine(truth, "pipeline_snapshot." + night.ToString(CultureInfo.InvariantCulture) + ".part");

    /// <summary>pipeline_snapshot.csv: the header, then each night's rows in night order (the parts, deleted once copied).</summary>
    public static void WriteSnapshot(string truth, int nights)
    {
        using (var file = new FileStream(Path.Combine(truth, "pipeline_snapshot.csv"), FileMode.Create, FileAccess.Write))
        {
            file.Write(CsvText.Line(NightExport.SnapshotColumns));
            for (int night = 0; night < nights; night++)
            {
                using var part = new FileStream(SnapshotPart(truth, night), FileMode.Open, FileAccess.Read);
                part.CopyTo(file);
            }
        }

        for (int night = 0; night < nights; night++)
        {
            File.Delete(SnapshotPart(truth, night));
        }
    }

    public static void WriteNights(string truth, NightPlan plan, IReadOnlyList<NightExport> exports)
    {
        using var file = new CsvSink(Path.Combine(truth, "nights.csv"), bufferSize: 1 << 16);
        file.Append(CsvText.Line(NightColumns));
        for (int night = 0; night < plan.Count; night++)
        {
            NightExport export = exports[night];
            file.Reserve(1024);
            file.Append(CsvText.Line(
            [
                plan.Folder(night),
                Number(export.Deals),
                Number(export.HistoryRows),
                Number(export.OpenDeals),
                export.WithHistory ? "true" : "false",
                night == plan.Redelivered ? plan.RedeliveredFolder : "",
                .. export.Events.Select(Number),
            ]));
        }
    }

    public static void WriteDeletions(string truth, NightPlan plan, IEnumerable<(string DealId, int FirstNightAbsent)> deletions)
    {
        using var file = new CsvSink(Path.Combine(truth, "deleted_deals.csv"), bufferSize: 1 << 16);
        file.Append(CsvText.Line(DeletionColumns));
        foreach ((string dealId, int firstAbsent) in deletions)
        {
            file.Reserve(256);
            file.Append(CsvText.Line(dealId, plan.Folder(firstAbsent - 1), plan.Folder(firstAbsent)));
        }
    }

    public static void WriteTeamChanges(string truth, NightPlan plan, TeamMoves moves)
    {
        using var file = new CsvSink(Path.Combine(truth, "team_changes.csv"), bufferSize: 1 << 16);
        file.Append(CsvText.Line(TeamChangeColumns));
        foreach (TeamMove move in moves.Moves.OrderBy(move => move.FirstNight).ThenBy(move => move.Rep.RepId, StringComparer.Ordinal))
        {
            file.Reserve(1024);
            file.Append(CsvText.Line(move.Rep.RepId, move.Rep.Team, move.Moved.Team, plan.Folder(move.FirstNight)));
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>TeamChanged -> team_changed.</summary>
    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}

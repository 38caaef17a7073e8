using System.Diagnostics;

namespace Pipeline.Warehouse.Demo;

/// <summary>
/// Writes consecutive nights of canonical exports of one evolving CRM, ending at the as-of date:
/// the world is simulated once up to the last night (the demo's deals, with the pushes and
/// re-pricing of <see cref="DealRevisions"/>, the deletions of <see cref="DealDeletions"/> and the
/// team changes of <see cref="TeamMoves"/>), then each night is that world cut at its T. Deals are
/// generated one at a time and written into every night at once, so memory does not grow with the
/// deal count. Layout of DIR: one folder per night (yyyy-MM-dd: deals.csv, stage_history.csv but on
/// the history-less night, reps.csv, quotas.csv, then an empty _SUCCESS), the re-delivered night's
/// copy (yyyy-MM-dd_redelivered) and the generator's record in truth/ (<see cref="NightsRecord"/>).
/// </summary>
public static class NightsGenerator
{
    /// <summary>The empty file written last into each night's folder: the export is complete.</summary>
    public const string SuccessMarker = "_SUCCESS";

    /// <summary>Fewest nights: a night without history needs a full night before and after it.</summary>
    public const int MinNights = NightPlan.MinNights;

    /// <summary>Seeds the nights' own changes apart from the deals' stream: "NIGHT" in ASCII.</summary>
    private const long NightSalt = 0x4E_49_47_48_54;

    /// <summary>Generates <paramref name="nights"/> nights ending at <see cref="DemoOptions.AsOf"/> into <see cref="DemoOptions.OutputDirectory"/>, overwriting its files.</summary>
    public static NightsSummary Generate(DemoOptions options, int nights)
    {
        ArgumentNullException.ThrowIfNull(options);
        DemoGenerator.Validate(options);
        if (nights < MinNights)
        {
            throw new ArgumentOutOfRangeException(nameof(nights), nights, $"At least {MinNights} nights are needed: the night without stage history has a full night on each side.");
        }

        if (options.Dialect != DemoDialect.Canonical)
        {
            throw new ArgumentException($"Nights are written in the canonical dialect only, not {options.Dialect}.", nameof(options));
        }

        var stopwatch = Stopwatch.StartNew();
        var plan = new NightPlan(options.AsOf, nights);
        string[] folders = [.. Enumerable.Range(0, nights).Select(night => Path.Combine(options.OutputDirectory, plan.Folder(night)))];
        string redelivered = Path.Combine(options.OutputDirectory, plan.RedeliveredFolder);
        string truth = Path.Combine(options.OutputDirectory, NightsRecord.Folder);
        Prepare(folders, redelivered, truth, plan);

        var calendar = new DemoCalendar(options.AsOf);
        DemoRoster roster = DemoGenerator.Roster(options);
        var changes = new DemoRandom(options.Seed ^ NightSalt);
        TeamMoves moves = TeamMoves.Plan(roster, plan, changes);
        var accounts = new AccountBook();
        var fields = new ExportFields(roster);
        var exports = new NightExport[nights];
        var deletions = new List<(string DealId, int FirstNightAbsent)>();
        try
        {
            for (int night = 0; night < nights; night++)
            {
                exports[night] = new NightExport(folders[night], plan.Date(night), night != plan.WithoutHistory, NightsRecord.SnapshotPart(truth, night), roster, accounts, fields);
            }

            WriteDeals(options, plan, calendar, roster, accounts, changes, exports, deletions);
        }
        finally
        {
            foreach (NightExport? export in exports)
            {
                export?.Dispose();
            }
        }

        foreach (TeamMove move in moves.Moves)
        {
            exports[move.FirstNight].Record(NightEvent.TeamChanged);
        }

        for (int night = 0; night < nights; night++)
        {
            RosterFileWriter.WriteReps(Path.Combine(folders[night], "reps.csv"), moves.RepsOn(night));
            RosterFileWriter.WriteQuotas(Path.Combine(folders[night], "quotas.csv"), roster, calendar);
        }

        NightsRecord.WriteSnapshot(truth, nights);
        NightsRecord.WriteNights(truth, plan, exports);
        NightsRecord.WriteDeletions(truth, plan, deletions);
        NightsRecord.WriteTeamChanges(truth, plan, moves);
        foreach (string folder in folders)
        {
            File.WriteAllBytes(Path.Combine(folder, SuccessMarker), []);
        }

        Redeliver(folders[plan.Redelivered], redelivered);
        long[] totals = [.. Enumerable.Range(0, exports[0].Events.Count).Select(kind => exports.Sum(export => export.Events[kind]))];
        return new NightsSummary(nights, plan.First, options.AsOf, exports[^1].Deals, totals, stopwatch.Elapsed);
    }

    private static void WriteDeals(
        DemoOptions options, NightPlan plan, DemoCalendar calendar, DemoRoster roster, AccountBook accounts,
        DemoRandom changes, NightExport[] exports, List<(string DealId, int FirstNightAbsent)> deletions)
    {
        var random = new DemoRandom(options.Seed);
        var simulator = new DealSimulator(random, calendar, roster, accounts);
        var quirks = new ExportQuirks(random, accounts);
        var revisions = new DealRevisions(changes, calendar);
        var deleted = new DealDeletions(changes, plan);
        int idWidth = DealFileWriter.IdWidth(options.Deals);
        var whole = new ExportedDeal(idWidth);
        var cut = new DealCut(idWidth);
        var simulated = new DealBuffer();
        var timeline = new DealBuffer();
        for (int number = 1; number <= options.Deals; number++)
        {
            simulator.Next(simulated);
            revisions.Apply(simulated, timeline);
            quirks.Decide(number, timeline, whole, options.AsOf);
            int firstAbsent = deleted.FirstNightAbsent(timeline);
            if (firstAbsent < plan.Count)
            {
                exports[firstAbsent].Record(NightEvent.Deleted);
                deletions.Add((System.Text.Encoding.ASCII.GetString(whole.Id), firstAbsent));
            }

            int countAtStart = timeline.CountBefore(plan.End(-1));
            for (int night = 0; night < firstAbsent; night++)
            {
                int count = timeline.CountBefore(plan.End(night));
                if (count > 0)
                {
                    exports[night].Write(cut.At(whole, count, plan.Date(night)), timeline, countAtStart);
                }

                countAtStart = count;
            }
        }
    }

    /// <summary>Creates the folders and removes the completion markers (and a stale stage_history.csv of the history-less night) of an earlier run, so no half-written night looks complete.</summary>
    private static void Prepare(string[] folders, string redelivered, string truth, NightPlan plan)
    {
        foreach (string folder in folders.Append(redelivered))
        {
            Directory.CreateDirectory(folder);
            File.Delete(Path.Combine(folder, SuccessMarker));
        }

        File.Delete(Path.Combine(folders[plan.WithoutHistory], "stage_history.csv"));
        File.Delete(Path.Combine(redelivered, "stage_history.csv"));
        Directory.CreateDirectory(truth);
    }

    /// <summary>The night's export delivered a second time: its files copied byte for byte, the marker last.</summary>
    private static void Redeliver(string night, string copy)
    {
        foreach (string file in Directory.GetFiles(night).Where(file => Path.GetFileName(file) != SuccessMarker).Order(StringComparer.Ordinal))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllBytes(Path.Combine(copy, SuccessMarker), []);
    }
}

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Teams that are read and written together, with their current reps (in the roster's order): the
/// unit in which a report set reads the figures of teams and reps. Reps without a team come in
/// batches of their own (no teams).
/// </summary>
internal sealed record ReportBatch(int Index, IReadOnlyList<string> Teams, IReadOnlyList<RosterRep> Reps)
{
    /// <summary>
    /// Cuts the teams, in the order given, into batches of at most <paramref name="maxReps"/> reps
    /// (a team larger than that is a batch of its own; a team is never split), then the reps without
    /// a team into batches of at most <paramref name="maxReps"/>.
    /// </summary>
    public static List<ReportBatch> Plan(IReadOnlyList<string> teams, Func<string, IReadOnlyList<RosterRep>> members, IReadOnlyList<RosterRep> teamless, int maxReps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReps, 1);
        var batches = new List<ReportBatch>();
        var batchTeams = new List<string>();
        var batchReps = new List<RosterRep>();
        void Close()
        {
            if (batchTeams.Count == 0 && batchReps.Count == 0)
                return;
            batches.Add(new ReportBatch(batches.Count, batchTeams.ToList(), batchReps.ToList()));
            batchTeams.Clear();
            batchReps.Clear();
        }
        foreach (var team in teams)
        {
            var reps = members(team);
            if (batchTeams.Count > 0 && batchReps.Count + reps.Count > maxReps)
                Close();
            batchTeams.Add(team);
            batchReps.AddRange(reps);
        }
        Close();
        foreach (var rep in teamless)
        {
            batchReps.Add(rep);
            if (batchReps.Count == maxReps)
                Close();
        }
        Close();
        return batches;
    }
}

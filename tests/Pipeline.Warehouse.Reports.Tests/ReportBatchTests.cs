using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>
/// A report set reads the figures of teams and reps batch by batch, so that what it holds does not
/// grow with the roster: each writer reads each batch once, with one query per kind of figure and
/// batch (never one per rep), holds one batch at a time, and writes the same bytes whatever the
/// batch size.
/// </summary>
public sealed class ReportBatchTests(DemoWarehouse warehouse) : IClassFixture<DemoWarehouse>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pw-report-batch-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static RosterRep Rep(string id, string team) => new(id, "Rep " + id, team, "EMEA", true, 1, 0, 0, true, false);

    [Fact]
    public void Plan_TeamsOfThreeFourAndFive_CutAtTeamsWithinTheLimit()
    {
        // Teams A (3 reps), B (4), C (5) and D (2) with at most 7 reps a batch: A fits, A+B = 7 fits,
        // +C = 12 does not; C alone (5), C+D = 7 fits. Then the two reps without a team.
        var members = new Dictionary<string, IReadOnlyList<RosterRep>>
        {
            ["A"] = [Rep("a1", "A"), Rep("a2", "A"), Rep("a3", "A")],
            ["B"] = [Rep("b1", "B"), Rep("b2", "B"), Rep("b3", "B"), Rep("b4", "B")],
            ["C"] = [Rep("c1", "C"), Rep("c2", "C"), Rep("c3", "C"), Rep("c4", "C"), Rep("c5", "C")],
            ["D"] = [Rep("d1", "D"), Rep("d2", "D")],
        };
        var batches = ReportBatch.Plan(["A", "B", "C", "D"], team => members[team], [Rep("x1", ""), Rep("x2", "")], 7);

        batches.Select(batch => string.Join(",", batch.Teams)).Should().Equal("A,B", "C,D", "");
        batches.Select(batch => batch.Reps.Count).Should().Equal(7, 7, 2);
        batches.Select(batch => batch.Index).Should().Equal(0, 1, 2);
        batches[0].Reps.Select(rep => rep.RepId).Should().Equal("a1", "a2", "a3", "b1", "b2", "b3", "b4");
    }

    [Fact]
    public void Plan_TeamLargerThanTheLimit_IsABatchOfItsOwn()
    {
        var big = Enumerable.Range(1, 5).Select(i => Rep($"b{i}", "Big")).ToList();
        var batches = ReportBatch.Plan(["Big", "Small"], team => team == "Big" ? big : [Rep("s1", "Small")], [], 3);

        batches.Select(batch => (string.Join(",", batch.Teams), batch.Reps.Count)).Should().Equal(("Big", 5), ("Small", 1));
    }

    [Fact]
    public void Write_BatchesOfEightReps_SameBytesAsOneBatch()
    {
        var one = Write("one", ReportSet.DefaultBatchReps, out var oneSet, out _);
        var small = Write("small", 8, out var smallSet, out _);

        oneSet.Batches.Should().ContainSingle("the demo's 41 reps fit one batch");
        smallSet.Batches.Should().HaveCountGreaterThan(3);
        small.Keys.Should().BeEquivalentTo(one.Keys);
        foreach (var (file, bytes) in one)
            small[file].Should().Equal(bytes, file);
    }

    [Fact]
    public void Write_BatchesOfEightReps_EachWriterReadsEachBatchOnceOneQueryPerKind()
    {
        Write("small", 8, out var set, out var runs);
        var batches = set.Batches.Count;

        set.Reps.Should().HaveCount(41);
        set.Batches.Should().OnlyContain(batch => batch.Reps.Count <= 8 || batch.Teams.Count == 1);
        // The scorecards, then the PDFs: each reads each batch once.
        set.BatchesRead.Should().Be(2 * batches);
        // One query per batch for the closed deals of its reps (the old writer ran one per rep: 41),
        // and no query more often than once per batch and writer, plus once for the company.
        runs["rep_closed_deals"].Should().Be(batches);
        runs.Should().OnlyContain(run => run.Value <= 2 * batches + 1, "a query runs once per batch and writer, and once for the company");
        runs["report_reps"].Should().Be(1);
    }

    [Fact]
    public void Write_BatchesOfEightReps_HoldsOneBatchAtATime()
    {
        Write("small", 8, out var set, out _);

        // Two passes (scorecards, then PDFs) read every team's and rep's rows twice, so one pass is half
        // of what was read: a set that kept its batches would hold that much. With at most 8 reps a
        // batch each of the six teams (1 to 10 reps) is a batch of its own, far less than a pass.
        set.Batches.Should().HaveCount(6);
        set.BatchRowsRead.Should().BeGreaterThan(0);
        set.MostBatchRowsHeld.Should().BeLessThan((int)(set.BatchRowsRead / 2 / 2), "the set lets a batch go before it reads the next");
    }

    /// <summary>Writes the scorecards and the PDFs with batches of at most <paramref name="batchReps"/> reps; the files by path under the folder, with their bytes.</summary>
    private Dictionary<string, byte[]> Write(string name, int batchReps, out ReportSet set, out IReadOnlyDictionary<string, int> runs)
    {
        var folder = Path.Combine(_root, name);
        using var source = ReportSource.Open(warehouse.Warehouse);
        source.BatchReps = batchReps;
        Scorecards.Write(source, folder);
        HealthReports.Write(source, folder);
        set = source.Set;
        runs = new Dictionary<string, int>(source.Queries.Runs);
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(folder, path), File.ReadAllBytes);
    }
}

using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Nights;

/// <summary>
/// reports --as-of D for a night the warehouse remembers (README "Reports for a past night"): three
/// nights of the hand-made CRM, the second with two deletions (D3, open, and D6, lost months before,
/// which only the deals of the night before reveal); the reports of night 2 written the night after
/// it, then rebuilt from its archived export a night later, must be the same bytes.
/// </summary>
public sealed class PastNightReportsTests(PastNightReportsTests.ThreeNights nights) : IClassFixture<PastNightReportsTests.ThreeNights>
{
    private const string Night3 = "2026-11-30";

    private const string LongLost = "D6,Deal 6,R3,Zeta,APAC,Core,mid_market,inbound,700,USD,2026-06-01T00:00:00Z,2026-07-15,closed_lost,Price\n";

    /// <summary>The three nights, built once for the tests here (each writes to folders of its own).</summary>
    public sealed class ThreeNights : IDisposable
    {
        public ThreeNights()
        {
            Warehouse.WriteNight1().WithFile("deals.csv", File.ReadAllText(Path.Combine(Warehouse.Input, "deals.csv")) + LongLost)
                .Run(TwoNights.Night1, configJson: TwoNights.Config);
            Warehouse.WriteNight2().Run(TwoNights.Night2, configJson: TwoNights.Config);
            Archive(TwoNights.Night2);
            NightAfter = CliProcess.Run("reports", "--warehouse", Warehouse.Warehouse, "--out", Folder("night-after"));
            Warehouse.Run(Night3, configJson: TwoNights.Config);
        }

        public WarehouseRun Warehouse { get; } = new();

        public CliProcess.Result NightAfter { get; }

        public string Config => Path.Combine(Path.GetDirectoryName(Warehouse.Warehouse)!, "config.json");

        public string Folder(string name) => Path.Combine(Path.GetDirectoryName(Warehouse.Warehouse)!, name);

        /// <summary>The night's export as the schedule keeps it: archive/&lt;night&gt;/.</summary>
        private void Archive(string night)
        {
            var target = Directory.CreateDirectory(Path.Combine(Folder("archive"), night)).FullName;
            foreach (var file in Directory.GetFiles(Warehouse.Input))
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        public void Dispose() => Warehouse.Dispose();
    }

    [Fact]
    public void PastNight_RebuiltFromTheArchiveANightLater_SameBytesAsTheNightAfter()
    {
        nights.NightAfter.ExitCode.Should().Be(0, nights.NightAfter.Stderr);
        nights.Warehouse.Rows("select deal_id from core.fact_pipeline_snapshot where status = 'deleted' order by 1")
            .Select(r => (string)r[0]!).Should().Equal(["D3", "D6"], "night 2 recorded both deletions, D6 through the deals of night 1");

        var later = CliProcess.Run("reports", "--warehouse", nights.Warehouse.Warehouse, "--as-of", TwoNights.Night2,
            "--archive", nights.Folder("archive"), "--config", nights.Config, "--out", nights.Folder("later"));

        later.ExitCode.Should().Be(0, later.Stdout + later.Stderr);
        later.Stdout.Should().Contain($"Rebuilt the night of {TwoNights.Night2} (load 2) from {Path.Combine(nights.Folder("archive"), TwoNights.Night2)}");
        var expected = Path.Combine(nights.Folder("night-after"), TwoNights.Night2);
        var actual = Path.Combine(nights.Folder("later"), TwoNights.Night2);
        var files = Directory.GetFiles(expected, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(expected, f)).Order().ToList();
        files.Should().Contain("executive-health.pdf").And.Contain(f => f.EndsWith(".xlsx", StringComparison.Ordinal));
        Directory.GetFiles(actual, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(actual, f)).Order().Should().Equal(files);
        foreach (var file in files)
            File.ReadAllBytes(Path.Combine(actual, file)).Should().Equal(File.ReadAllBytes(Path.Combine(expected, file)), file);
    }

    [Fact]
    public void PastNight_WithoutItsExport_SaysWhereToFindIt_AnotherExport_IsRefused_AForgottenDate_SaysHowToBuildIt()
    {
        var before = WarehouseCompare.Sha256(nights.Warehouse.Warehouse);

        var noExport = CliProcess.Run("reports", "--warehouse", nights.Warehouse.Warehouse, "--as-of", TwoNights.Night2, "--out", nights.Folder("refused"));
        noExport.ExitCode.Should().Be(2);
        noExport.Stderr.Should().Contain($"remembers the night of {TwoNights.Night2} (load 2)").And.Contain("--archive DIR").And.Contain("Nothing was written");

        // Another export of that night: the archived one with a deal more.
        var other = Directory.CreateDirectory(nights.Folder("other")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(nights.Folder("archive"), TwoNights.Night2)))
            File.Copy(file, Path.Combine(other, Path.GetFileName(file)));
        File.AppendAllText(Path.Combine(other, "deals.csv"), "D7,Deal 7,R3,Iota,APAC,Core,mid_market,inbound,900,USD,2026-11-01T00:00:00Z,2026-12-31,lead,\n");
        var wrong = CliProcess.Run("reports", "--warehouse", nights.Warehouse.Warehouse, "--as-of", TwoNights.Night2, "--input", other, "--config", nights.Config, "--out", nights.Folder("refused"));
        wrong.ExitCode.Should().Be(2);
        wrong.Stderr.Should().Contain($"{other} is not the export load 2 read for the night of {TwoNights.Night2}");

        var emptyArchive = Directory.CreateDirectory(nights.Folder("empty-archive")).FullName;
        var notArchived = CliProcess.Run("reports", "--warehouse", nights.Warehouse.Warehouse, "--as-of", TwoNights.Night2, "--archive", emptyArchive, "--out", nights.Folder("refused"));
        notArchived.ExitCode.Should().Be(2);
        notArchived.Stderr.Should().Contain($"none is named {TwoNights.Night2}");

        var forgotten = CliProcess.Run("reports", "--warehouse", nights.Warehouse.Warehouse, "--as-of", "2026-11-01", "--out", nights.Folder("refused"));
        forgotten.ExitCode.Should().Be(2);
        forgotten.Stderr.Should().Contain("build a warehouse as of 2026-11-01");

        Directory.Exists(nights.Folder("refused")).Should().BeFalse("nothing is written when the night cannot be rebuilt");
        WarehouseCompare.Sha256(nights.Warehouse.Warehouse).Should().Be(before, "reports only read the warehouse");
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Pipeline.Warehouse.Host.Tests.Safety;

/// <summary>
/// The <c>reports</c> command killed with SIGKILL while it writes leaves the previous night's
/// report set: every file under a final name opens (no truncated or empty workbook or PDF), the
/// only other files are our hidden temporary ones, and the next report run removes those.
/// </summary>
public sealed partial class ReportKillTests(ITestOutputHelper output)
{
    private const string AsOf = "2026-11-30";

    [Fact]
    public void Reports_KilledAtSeveralMoments_LeaveEveryFileOpenable()
    {
        using var folder = new TempFolder();
        var input = folder.File("exports");
        var warehouse = folder.File("w.duckdb");
        var reports = folder.File("reports");
        var set = Path.Combine(reports, AsOf);
        var clock = Stopwatch.StartNew();
        CliProcess.Run("generate", "--out", input, "--deals", "300", "--seed", "3", "--as-of", AsOf).ExitCode.Should().Be(0);
        CliProcess.Run("run", "--input", input, "--warehouse", warehouse, "--as-of", AsOf).ExitCode.Should().Be(0);
        // The previous night's report set.
        var previous = CliProcess.Run("reports", "--warehouse", warehouse, "--out", reports);
        previous.ExitCode.Should().Be(0, previous.Stderr);
        var finals = FinalFiles(set);
        finals.Should().HaveCountGreaterThan(20);
        EveryFileOpens(set);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: previous set of {finals.Count} files written and opened");

        // Kill right at start (nothing written yet), when the first file is being written, about half
        // way, near the end (a PDF) and at the last file; each run starts on what the previous kill left.
        var kills = new List<(string Moment, Func<Process, bool> Wait)>
        {
            ("at start", process => !process.WaitForExit(150)),
            ("at the 1st file", process => WaitForFile(process, set, 1)),
            ($"at file {finals.Count / 2}", process => WaitForFile(process, set, finals.Count / 2)),
            ($"at file {finals.Count - 3}", process => WaitForFile(process, set, finals.Count - 3)),
            ($"at file {finals.Count}, the last", process => WaitForFile(process, set, finals.Count)),
        };
        var leftovers = 0;
        foreach (var (moment, wait) in kills)
        {
            using var process = Process.Start(CliProcess.StartInfo("reports", "--warehouse", warehouse, "--out", reports))!;
            var killed = wait(process);
            if (killed)
                process.Kill(); // SIGKILL
            process.WaitForExit();
            killed.Should().BeTrue($"the reports must still be running when killed {moment}");

            FinalFiles(set).Should().BeEquivalentTo(finals, $"a run killed {moment} leaves every file of the previous set");
            EveryFileOpens(set);
            var others = Directory.EnumerateFiles(set, "*", SearchOption.AllDirectories).Where(path => Path.GetFileName(path).StartsWith('.')).ToList();
            others.Where(path => !TempName().IsMatch(Path.GetFileName(path))).Should().BeEmpty($"after a kill {moment} the only other files are our temporary ones");
            leftovers += others.Count;
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: killed {moment}; {others.Count} temporary files left");
        }
        leftovers.Should().BePositive("some kills must land while a file is being written");

        // The next run writes the whole set and removes the leftovers of the killed ones.
        var next = CliProcess.Run("reports", "--warehouse", warehouse, "--out", reports);
        next.ExitCode.Should().Be(0, next.Stderr);
        Directory.EnumerateFiles(set, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Should().NotContain(name => name!.StartsWith('.'));
        FinalFiles(set).Should().BeEquivalentTo(finals);
        EveryFileOpens(set);
    }

    /// <summary>The report files under their final names, relative to the set's folder.</summary>
    private static List<string> FinalFiles(string set) =>
        Directory.EnumerateFiles(set, "*", SearchOption.AllDirectories)
            .Where(path => !Path.GetFileName(path).StartsWith('.'))
            .Select(path => Path.GetRelativePath(set, path))
            .ToList();

    /// <summary>
    /// Waits until the process starts writing its <paramref name="n"/>th file: a temporary file
    /// appears, or a file under its final name changes. True when the process is still running then.
    /// </summary>
    private static bool WaitForFile(Process process, string set, int n)
    {
        var before = Snapshot(set);
        var begun = new HashSet<string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            foreach (var (path, stamp) in Snapshot(set))
            {
                var name = Path.GetFileName(path);
                var match = TempName().Match(name);
                if (match.Success)
                    begun.Add(Path.Combine(Path.GetDirectoryName(path)!, match.Groups["name"].Value));
                else if (!before.TryGetValue(path, out var old) || old != stamp)
                    begun.Add(path);
            }
            if (begun.Count >= n)
                return !process.HasExited;
            Thread.Sleep(2);
        }
        return false;
    }

    private static Dictionary<string, (long Length, DateTime Written)> Snapshot(string set)
    {
        var files = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(set, "*", SearchOption.AllDirectories))
        {
            var info = new FileInfo(path);
            if (info.Exists)
                files[path] = (info.Length, info.LastWriteTimeUtc);
        }
        return files;
    }

    private static void EveryFileOpens(string set)
    {
        foreach (var path in Directory.EnumerateFiles(set, "*.xlsx", SearchOption.AllDirectories).Where(p => !Path.GetFileName(p).StartsWith('.')))
        {
            var open = () =>
            {
                using var workbook = new XLWorkbook(path);
                return workbook.Worksheets.Count;
            };
            open.Should().NotThrow($"{path} must be a whole workbook").Which.Should().BePositive();
        }
        foreach (var path in Directory.EnumerateFiles(set, "*.pdf", SearchOption.AllDirectories).Where(p => !Path.GetFileName(p).StartsWith('.')))
        {
            var open = () =>
            {
                using var document = PdfDocument.Open(path);
                return document.GetPages().Count(page => page.Letters.Count > 0);
            };
            open.Should().NotThrow($"{path} must be a whole PDF").Which.Should().BePositive();
        }
    }

    /// <summary>Our temporary files: ".&lt;final name&gt;.&lt;random&gt;.partial".</summary>
    [GeneratedRegex(@"^\.(?<name>.+)\.[0-9a-f]{16}\.partial$")]
    private static partial Regex TempName();
}

using System.Diagnostics;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Operation;

/// <summary>
/// The three layers in the Generic Host's order, through the real CLI (environment variables are
/// per process, so a child process keeps them away from the other tests): the settings file, then
/// PIPELINE_WAREHOUSE__ variables, then the command line. Each layer gives a bad age, so the
/// message shows which value won; nothing is loaded.
/// </summary>
public sealed class SettingsEnvironmentTests
{
    [Fact]
    public void Run_AgeInFileEnvironmentAndCommandLine_LaterLayerWins()
    {
        using var folder = new TempFolder();
        var warehouse = folder.File("warehouse.duckdb");
        File.WriteAllText(folder.File("appsettings.json"), """{ "Freshness": { "WarnAfterHours": -3 } }""");
        var environment = new Dictionary<string, string> { ["PIPELINE_WAREHOUSE__Freshness__WarnAfterHours"] = "-2" };

        var fileOnly = Run([], "run", "--input", "in", "--warehouse", warehouse);
        var withEnvironment = Run(environment, "run", "--input", "in", "--warehouse", warehouse);
        var withCommandLine = Run(environment, "run", "--input", "in", "--warehouse", warehouse, "--warn-after-hours", "-1");

        fileOnly.Stderr.Should().Contain($"Freshness:WarnAfterHours \"-3\" (in {folder.File("appsettings.json")}) is not an age");
        withEnvironment.Stderr.Should().Contain("Freshness:WarnAfterHours \"-2\" (environment variable PIPELINE_WAREHOUSE__Freshness__WarnAfterHours) is not an age");
        withCommandLine.Stderr.Should().Contain("--warn-after-hours \"-1\" is not an age");
        new[] { fileOnly, withEnvironment, withCommandLine }.Should().OnlyContain(r => r.ExitCode == 2);
        File.Exists(warehouse).Should().BeFalse();
    }

    private static CliProcess.Result Run(Dictionary<string, string> environment, params string[] args)
    {
        var info = CliProcess.StartInfo(args);
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(1)).Should().BeTrue();
        return new CliProcess.Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}

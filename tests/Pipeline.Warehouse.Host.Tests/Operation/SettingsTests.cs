using Pipeline.Warehouse.Host.Cli;
using Pipeline.Warehouse.Host.Operation;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Tests.Operation;

/// <summary>The settings file and the command line, read in-process (the environment layer: <see cref="SettingsEnvironmentTests"/>).</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Warehouse => _folder.File("warehouse.duckdb");

    private static OperationSettings Load(params string[] args) => HostSettings.Load(Arguments.Parse(args, Commands.Options));

    private string SettingsFile(string json, string name = "settings.json")
    {
        var path = _folder.File(name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Load_SettingsFileAndCommandLine_CommandLineWins()
    {
        var file = SettingsFile("""{ "Freshness": { "WarnAfterHours": 10, "ErrorAfterHours": 40 }, "Etl": { "MemoryLimit": "2GB" } }""");

        var settings = Load("run", "--input", "in", "--warehouse", Warehouse, "--settings", file, "--warn-after-hours", "20");

        settings.Etl.Freshness.Should().Be(new FreshnessOptions(20, 40));
        settings.Etl.MemoryLimit.Should().Be("2GB");
        settings.SettingsFile.Should().Be(file);
        settings.LogFolder.Should().Be(_folder.File("logs"));
    }

    [Fact]
    public void Load_AppSettingsBesideTheWarehouse_ReadWithoutSettingsOption()
    {
        SettingsFile("""{ "Freshness": { "WarnAfterHours": 26 }, "Logs": { "Folder": "/var/log/pipeline" } }""", "appsettings.json");

        var settings = Load("run", "--input", "in", "--warehouse", Warehouse);

        settings.Etl.Freshness.Should().Be(new FreshnessOptions(26, null));
        settings.LogFolder.Should().Be("/var/log/pipeline");
    }

    [Fact]
    public void Load_ScheduleWithFourBadSettings_NamesEachOptionAndTheFormExpected()
    {
        var act = () => Load("schedule", "--warehouse", Warehouse, "--cron", "0 2 * *", "--time-zone", "Mars/Olympus_Mons", "--warn-after-hours", "-1");

        var message = act.Should().Throw<InputException>().Which.Message;
        message.Should().StartWith("4 settings are wrong:");
        message.Should().Contain("--warn-after-hours \"-1\" is not an age; write a number of hours of 0 or more, e.g. 26");
        message.Should().Contain("--cron \"0 2 * *\" is not a cron expression (has 4 fields). Write five fields, minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\"");
        message.Should().Contain("--time-zone \"Mars/Olympus_Mons\" is not a time zone this machine knows").And.Contain("Use an IANA name such as Europe/Berlin");
        message.Should().Contain("schedule needs --inbox (or Schedule:Inbox in appsettings.json, or PIPELINE_WAREHOUSE__Schedule__Inbox)");
    }

    [Fact]
    public void Load_BadValueInSettingsFile_NamesKeyValueAndFile()
    {
        var file = SettingsFile("""{ "Schedule": { "Cron": "0 2 * * *", "Inbox": "/nowhere/inbox-that-is-not-there", "QuietSeconds": "soon" } }""");

        var act = () => Load("schedule", "--warehouse", Warehouse, "--settings", file);

        var message = act.Should().Throw<InputException>().Which.Message;
        message.Should().Contain($"Schedule:Inbox \"/nowhere/inbox-that-is-not-there\" (in {file}) does not exist or is not a folder");
        message.Should().Contain($"Schedule:QuietSeconds \"soon\" (in {file}) is not a quiet period; write a number of seconds from 0 to 86400, e.g. 120.");
    }

    [Fact]
    public void Load_UnknownKeyInSettingsFile_RefusedListingTheKeys()
    {
        var file = SettingsFile("""{ "Freshnes": { "WarnAfterHours": 26 } }""");

        var act = () => Load("run", "--input", "in", "--warehouse", Warehouse, "--settings", file);

        act.Should().Throw<InputException>().WithMessage($"Freshnes:WarnAfterHours (in {file}) is not a setting. The settings are: Etl:Input, *Freshness:WarnAfterHours*");
    }

    [Fact]
    public void Load_SettingsFileNotJson_SaysSo()
    {
        var file = SettingsFile("""{ "Freshness": { "WarnAfterHours": 26, } """);

        var act = () => Load("run", "--input", "in", "--warehouse", Warehouse, "--settings", file);

        act.Should().Throw<InputException>().WithMessage($"Settings file {file} is not valid JSON: *");
    }

    [Fact]
    public void Load_ErrorAgeBelowWarnAge_Refused()
    {
        var act = () => Load("run", "--input", "in", "--warehouse", Warehouse, "--warn-after-hours", "48", "--error-after-hours", "24");

        act.Should().Throw<InputException>().WithMessage("Freshness:ErrorAfterHours (24, --error-after-hours) is less than Freshness:WarnAfterHours (48, --warn-after-hours)*");
    }

    [Fact]
    public void Load_RunWithoutInputOrBadAsOf_MessagesOfBefore()
    {
        var missing = () => Load("run", "--warehouse", Warehouse);
        var badDate = () => Load("run", "--input", "in", "--warehouse", Warehouse, "--as-of", "30.11.2026");

        missing.Should().Throw<InputException>().WithMessage("run needs --input. Run ./run-etl.sh help.");
        badDate.Should().Throw<InputException>().WithMessage("--as-of \"30.11.2026\" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-30.");
    }

    [Fact]
    public void Load_ScheduleGood_FoldersBesideTheInboxByDefault()
    {
        var inbox = _folder.File("inbox");
        Directory.CreateDirectory(inbox);

        var settings = Load("schedule", "--warehouse", Warehouse, "--inbox", inbox, "--cron", "0 2 * * *", "--time-zone", "Europe/Berlin", "--once");

        var schedule = settings.Schedule!;
        schedule.Inbox.Should().Be(inbox);
        schedule.Archive.Should().Be(_folder.File("archive"));
        schedule.Rejected.Should().Be(_folder.File("rejected"));
        schedule.QuietPeriod.Should().Be(TimeSpan.FromSeconds(120));
        schedule.Once.Should().BeTrue();
        schedule.Cron!.Zone.Id.Should().Be("Europe/Berlin");
    }

    [Fact]
    public void Load_ScheduleOnceWithoutCron_NoCronNeeded()
    {
        var inbox = _folder.File("inbox");
        Directory.CreateDirectory(inbox);

        var settings = Load("schedule", "--once", "--warehouse", Warehouse, "--inbox", inbox);

        settings.Schedule!.Once.Should().BeTrue();
        settings.Schedule.Cron.Should().BeNull();
    }

    public void Dispose() => _folder.Dispose();
}

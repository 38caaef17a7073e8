using System.Diagnostics;

namespace Pipeline.Warehouse.Demo;

/// <summary>
/// Writes a deterministic demo of CRM exports: canonical (INPUTS.md: deals.csv, stage_history.csv,
/// reps.csv and quotas.csv), or the same pipeline as a Salesforce or HubSpot export
/// (<see cref="DemoOptions.Dialect"/>). Deals are generated and written one at a time, so a million
/// deals need no more memory than ten.
/// </summary>
public static class DemoGenerator
{
    private const int ProgressEvery = 10_000;

    /// <summary>Generates the dialect's files into <see cref="DemoOptions.OutputDirectory"/>, overwriting them.</summary>
    /// <param name="options">What to generate; <see cref="DemoOptions.AsOf"/> is required.</param>
    /// <param name="dealsWritten">Told the number of deals written so far, every 10,000 deals and at the end.</param>
    public static DemoSummary Generate(DemoOptions options, IProgress<long>? dealsWritten = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(options.OutputDirectory);

        var calendar = new DemoCalendar(options.AsOf);
        DemoRoster roster = Roster(options);
        WriteRoster(options, roster);
        long quotaRows = RosterFileWriter.WriteQuotas(Path.Combine(options.OutputDirectory, "quotas.csv"), roster, calendar);

        var random = new DemoRandom(options.Seed);
        var accounts = new AccountBook();
        var simulator = new DealSimulator(random, calendar, roster, accounts);
        var deal = new DealBuffer();
        long historyRows;
        using (var writer = new DealFileWriter(random, accounts, CreateFormat(options, roster, accounts), options.Deals, options.AsOf))
        {
            for (int number = 1; number <= options.Deals; number++)
            {
                simulator.Next(deal);
                writer.Write(number, deal);
                if (number % ProgressEvery == 0)
                {
                    dealsWritten?.Report(number);
                }
            }

            historyRows = writer.HistoryRows;
        }

        if (options.Deals % ProgressEvery != 0)
        {
            dealsWritten?.Report(options.Deals);
        }

        return new DemoSummary(roster.Reps.Count, roster.TeamCount, options.Deals, historyRows, quotaRows, stopwatch.Elapsed);
    }

    /// <summary>The fixed roster, or <see cref="DemoOptions.Reps"/> sellers in teams of about 8.</summary>
    internal static DemoRoster Roster(DemoOptions options) => options.Reps == 0 ? DemoRoster.Build() : DemoRoster.Build(options.Reps);

    private static void WriteRoster(DemoOptions options, DemoRoster roster)
    {
        string directory = options.OutputDirectory;
        switch (options.Dialect)
        {
            case DemoDialect.Salesforce:
                RosterFileWriter.WriteSalesforceUsers(Path.Combine(directory, "User.csv"), roster);
                break;
            case DemoDialect.HubSpot:
                RosterFileWriter.WriteHubSpotOwners(Path.Combine(directory, HubSpotDealFormat.OwnersFile), roster);
                break;
            default:
                RosterFileWriter.WriteReps(Path.Combine(directory, "reps.csv"), roster);
                break;
        }
    }

    private static DealFormat CreateFormat(DemoOptions options, DemoRoster roster, AccountBook accounts) => options.Dialect switch
    {
        DemoDialect.Salesforce => new SalesforceDealFormat(options.OutputDirectory, roster, accounts, DealFileWriter.IdWidth(options.Deals)),
        DemoDialect.HubSpot => new HubSpotDealFormat(options.OutputDirectory, roster, accounts),
        _ => new CanonicalDealFormat(options.OutputDirectory, roster, accounts),
    };

    internal static void Validate(DemoOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            throw new ArgumentException("DemoOptions.OutputDirectory is empty: give the folder to write the CSV files to.", nameof(options));
        }

        if (options.Deals < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Deals, "DemoOptions.Deals must be at least 1.");
        }

        if (options.Reps < 0 || options.Reps > DemoRoster.MaxReps)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Reps, $"DemoOptions.Reps must be 0 (the fixed roster) or 1 to {DemoRoster.MaxReps:N0}.");
        }

        if (options.AsOf == default)
        {
            throw new ArgumentException("DemoOptions.AsOf is required (it is 0001-01-01): pass the export date, e.g. the run's --as-of.", nameof(options));
        }

        if (!Enum.IsDefined(options.Dialect))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Dialect, $"DemoOptions.Dialect must be one of: {string.Join(", ", DemoDialects.Names)}.");
        }
    }
}

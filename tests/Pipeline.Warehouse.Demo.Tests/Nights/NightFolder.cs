using System.Globalization;

namespace Pipeline.Warehouse.Demo.Tests.Nights;

/// <summary>One night's export read back, with each deal's state at the night's T worked out from the files alone (METRICS.md sections 3 and 9).</summary>
public sealed class NightFolder
{
    /// <summary>Canonical stage keys by canonical order (METRICS.md section 2); won is 9, lost 10 (StageOrders).</summary>
    private static readonly string[] StageKeys =
    [
        "", "lead", "connect_call", "discovery_call", "opportunity", "demo", "influencer_buy_in",
        "decision_maker_buy_in", "negotiation", "closed_won", "closed_lost",
    ];

    public NightFolder(string directory)
    {
        Directory = directory;
        Date = DateOnly.ParseExact(Path.GetFileName(directory), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        End = Date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Deals = CsvTable.Read(Path.Combine(directory, "deals.csv"));
        string history = Path.Combine(directory, "stage_history.csv");
        History = File.Exists(history) ? CsvTable.Read(history) : null;
        Reps = CsvTable.Read(Path.Combine(directory, "reps.csv"));
        DealsById = Deals.Rows.ToDictionary(row => row[0], StringComparer.Ordinal);
        HistoryByDeal = History is null
            ? []
            : History.Rows.GroupBy(row => row[0], StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Select(row => string.Join(',', row)).ToList(), StringComparer.Ordinal);
    }

    public string Directory { get; }

    public DateOnly Date { get; }

    /// <summary>The night's T: the next day, 00:00 UTC.</summary>
    public DateTime End { get; }

    public CsvTable Deals { get; }

    public CsvTable? History { get; }

    public CsvTable Reps { get; }

    public Dictionary<string, string[]> DealsById { get; }

    /// <summary>Each deal's history rows, as their fields joined by commas, in file order.</summary>
    public Dictionary<string, List<string>> HistoryByDeal { get; }

    public string Column(string dealId, string column) => DealsById[dealId][Deals[column]];

    /// <summary>The canonical order of the deal's stage (won 9, lost 10).</summary>
    public int Order(string dealId) => StageOrders.ByLabel[Column(dealId, "stage")];

    public bool IsOpen(string dealId) => Order(dealId) < StageOrders.Won;

    /// <summary>
    /// The day a closed deal closed: its last history row's (the terminal entry), or with no history
    /// rows its expected close date (the synthesized close of METRICS.md section 3).
    /// </summary>
    public DateOnly ClosedOn(string dealId) => HistoryByDeal.TryGetValue(dealId, out List<string>? rows)
        ? DateOnly.FromDateTime(Timestamps.Parse(CsvTable.SplitLine(rows[^1])[2]))
        : DateOnly.ParseExact(Column(dealId, "expected_close_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool ClosedTonight(string dealId) => !IsOpen(dealId) && ClosedOn(dealId) == Date;

    /// <summary>The rows core.fact_pipeline_snapshot holds for this night: each deal open at T or closed on the night's date.</summary>
    public IEnumerable<string> SnapshotRows()
    {
        string date = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (string[] deal in Deals.Rows.Where(deal => IsOpen(deal[0]) || ClosedTonight(deal[0])))
        {
            int order = Order(deal[0]);
            string status = order switch
            {
                StageOrders.Won => "won",
                StageOrders.Lost => "lost",
                _ => "open",
            };
            yield return string.Join(',', date, deal[0], deal[Deals["rep_id"]], StageKeys[order], status, deal[Deals["amount"]], deal[Deals["expected_close_date"]]);
        }
    }

    /// <summary>Each rep's team, by rep id.</summary>
    public Dictionary<string, string> Teams() => Reps.Rows.ToDictionary(row => row[0], row => row[Reps["team"]], StringComparer.Ordinal);
}

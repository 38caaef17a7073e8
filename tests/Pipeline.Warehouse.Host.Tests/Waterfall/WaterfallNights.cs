using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Waterfall;

/// <summary>
/// Three nights of one CRM in which every movement of the pipeline waterfall happens (METRICS.md
/// section 9), for November 2026 (start: the night of 2026-10-31) and Q4 2026 (start: the night of
/// 2026-09-30), both counted to the cut 2026-11-21 (T of the last night, 2026-11-20). Amounts in the reporting currency.
/// Owners: R1 (East) A C G H J K; R2 (East, West from the last night) E F L; R3 (West) B D I.
/// <code>
///      created   night 09-30            night 10-31            night 11-20 (tonight)
///   A  09-01     1,000  close 11-15     1,000  close 11-15     won 11-10 at 1,200 (history row)
///   B  09-05     2,000  close 11-25     2,000  close 11-25     lost 11-12
///   C  09-10     3,000  close 11-28     3,000  close 11-28     3,000 close 2027-01-15 (pushed out)
///   D  09-12     4,000  close 11-20     4,000  close 11-20     deleted in the CRM
///   E  09-15     5,000  close 11-30     5,000  close 11-30     5,500 (the deals file only)
///   F  11-05                                                    600 close 11-29
///   G  11-03                                                    won 11-15 at 700
///   H  10-10                            800  close 12-20       800 close 11-27 (pulled in)
///   I  09-01     900    close 2027-01-20  (same)               won 11-18 at 900 (pulled in)
///   J  10-01                            1,300 close 12-10      1,300 close 12-10
///   K  09-20     1,100  close 11-26     1,100  close 11-26     1,100 close 11-26
///   L  09-20     1,500  close 10-20     won 10-15 at 1,500
/// </code>
/// </summary>
public static class WaterfallNights
{
    public const string Night1 = "2026-09-30";
    public const string Night2 = "2026-10-31";
    public const string Night3 = "2026-11-20";

    private static readonly string[] History =
    [
        "A,lead,2026-09-01T00:00:00Z,R1,,",
        "A,negotiation,2026-09-20T00:00:00Z,R1,,",
        "A,closed_won,2026-11-10T00:00:00Z,R1,1200,",
        "B,lead,2026-09-05T00:00:00Z,R3,,",
        "B,demo,2026-09-15T00:00:00Z,R3,,",
        "B,closed_lost,2026-11-12T00:00:00Z,R3,,",
        "C,lead,2026-09-10T00:00:00Z,R1,,",
        "C,demo,2026-09-25T00:00:00Z,R1,,",
        "D,lead,2026-09-12T00:00:00Z,R3,,",
        "D,opportunity,2026-09-20T00:00:00Z,R3,,",
        "E,lead,2026-09-15T00:00:00Z,R2,,",
        "E,opportunity,2026-09-25T00:00:00Z,R2,,",
        "F,lead,2026-11-05T00:00:00Z,R2,,",
        "G,lead,2026-11-03T00:00:00Z,R1,,",
        "G,closed_won,2026-11-15T00:00:00Z,R1,,",
        "H,lead,2026-10-10T00:00:00Z,R1,,",
        "I,lead,2026-09-01T00:00:00Z,R3,,",
        "I,opportunity,2026-09-10T00:00:00Z,R3,,",
        "I,closed_won,2026-11-18T00:00:00Z,R3,,",
        "J,lead,2026-10-01T00:00:00Z,R1,,",
        "K,lead,2026-09-20T00:00:00Z,R1,,",
        "K,demo,2026-10-05T00:00:00Z,R1,,",
        "L,lead,2026-09-20T00:00:00Z,R2,,",
        "L,closed_won,2026-10-15T00:00:00Z,R2,,",
    ];

    /// <summary>A night's stage_history.csv: the rows of the deals in its export (a later row is ignored until its night's T).</summary>
    private static string HistoryOf(string deals) =>
        WarehouseRun.HistoryHeader + string.Concat(History
            .Where(row => deals.Contains($"\n{row[..row.IndexOf(',', StringComparison.Ordinal)]},", StringComparison.Ordinal))
            .Select(row => row + "\n"));

    private static string Deal(string id, string rep, decimal amount, string createdAt, string closeDate, string stage) =>
        $"{id},Deal {id},{rep},Account {id},EMEA,Core,mid_market,inbound,{amount.ToString(System.Globalization.CultureInfo.InvariantCulture)},,{createdAt}T00:00:00Z,{closeDate},{stage},\n";

    public static WarehouseRun WriteNight1(this WarehouseRun run)
    {
        var deals = WarehouseRun.DealsHeader
            + Deal("A", "R1", 1000, "2026-09-01", "2026-11-15", "negotiation")
            + Deal("B", "R3", 2000, "2026-09-05", "2026-11-25", "demo")
            + Deal("C", "R1", 3000, "2026-09-10", "2026-11-28", "demo")
            + Deal("D", "R3", 4000, "2026-09-12", "2026-11-20", "opportunity")
            + Deal("E", "R2", 5000, "2026-09-15", "2026-11-30", "opportunity")
            + Deal("I", "R3", 900, "2026-09-01", "2027-01-20", "opportunity")
            + Deal("K", "R1", 1100, "2026-09-20", "2026-11-26", "lead")
            + Deal("L", "R2", 1500, "2026-09-20", "2026-10-20", "lead");
        return run
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", deals)
            .WithFile("stage_history.csv", HistoryOf(deals));
    }

    public static WarehouseRun WriteNight2(this WarehouseRun run)
    {
        var deals = WarehouseRun.DealsHeader
            + Deal("A", "R1", 1000, "2026-09-01", "2026-11-15", "negotiation")
            + Deal("B", "R3", 2000, "2026-09-05", "2026-11-25", "demo")
            + Deal("C", "R1", 3000, "2026-09-10", "2026-11-28", "demo")
            + Deal("D", "R3", 4000, "2026-09-12", "2026-11-20", "opportunity")
            + Deal("E", "R2", 5000, "2026-09-15", "2026-11-30", "opportunity")
            + Deal("H", "R1", 800, "2026-10-10", "2026-12-20", "lead")
            + Deal("I", "R3", 900, "2026-09-01", "2027-01-20", "opportunity")
            + Deal("J", "R1", 1300, "2026-10-01", "2026-12-10", "lead")
            + Deal("K", "R1", 1100, "2026-09-20", "2026-11-26", "demo")
            + Deal("L", "R2", 1500, "2026-09-20", "2026-10-20", "closed_won");
        return run
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", deals)
            .WithFile("stage_history.csv", HistoryOf(deals));
    }

    /// <summary>The last night's export: what a warehouse without the earlier nights knows.</summary>
    public static WarehouseRun WriteNight3(this WarehouseRun run)
    {
        var deals = WarehouseRun.DealsHeader
            + Deal("A", "R1", 1200, "2026-09-01", "2026-11-15", "closed_won")
            + Deal("B", "R3", 2000, "2026-09-05", "2026-11-25", "closed_lost")
            + Deal("C", "R1", 3000, "2026-09-10", "2027-01-15", "demo")
            + Deal("E", "R2", 5500, "2026-09-15", "2026-11-30", "opportunity")
            + Deal("F", "R2", 600, "2026-11-05", "2026-11-29", "lead")
            + Deal("G", "R1", 700, "2026-11-03", "2026-11-15", "closed_won")
            + Deal("H", "R1", 800, "2026-10-10", "2026-11-27", "lead")
            + Deal("I", "R3", 900, "2026-09-01", "2027-01-20", "closed_won")
            + Deal("J", "R1", 1300, "2026-10-01", "2026-12-10", "lead")
            + Deal("K", "R1", 1100, "2026-09-20", "2026-11-26", "demo")
            + Deal("L", "R2", 1500, "2026-09-20", "2026-10-20", "closed_won");
        return run
            .WithFile("reps.csv", WarehouseRun.Reps.Replace("R2,Bob Roe,bob@example.com,R1,East,", "R2,Bob Roe,bob@example.com,R1,West,", StringComparison.Ordinal))
            .WithFile("deals.csv", deals)
            .WithFile("stage_history.csv", HistoryOf(deals));
    }

    /// <summary>
    /// One period and scope of marts.pipeline_waterfall, movement by movement in the chart's order,
    /// as "movement deals amount".
    /// </summary>
    public static List<string> Waterfall(this WarehouseRun run, string periodType, string periodStart, string scope) => run.Rows("""
        select movement, deals, cast(amount as varchar)
        from marts.pipeline_waterfall
        where period_type = $period_type and period_start = cast($period_start as date) and scope = $scope
        order by movement_order
        """, ("period_type", periodType), ("period_start", periodStart), ("scope", scope))
        .Select(r => string.Join(' ', r)).ToList();

    /// <summary>Where a period's start and end deals come from: "start_source end_source".</summary>
    public static string Sources(this WarehouseRun run, string periodType, string periodStart) => run.Rows("""
        select distinct start_source || ' ' || end_source
        from marts.pipeline_waterfall
        where period_type = $period_type and period_start = cast($period_start as date)
        """, ("period_type", periodType), ("period_start", periodStart)).Single()[0]!.ToString()!;
}

/// <summary>The three nights loaded one after the other into one warehouse.</summary>
public sealed class WaterfallNightsRun : IDisposable
{
    public WaterfallNightsRun()
    {
        Warehouse.WriteNight1().Run(WaterfallNights.Night1);
        Warehouse.WriteNight2().Run(WaterfallNights.Night2);
        Warehouse.WriteNight3().Run(WaterfallNights.Night3);
        SingleNight.WriteNight3().Run(WaterfallNights.Night3);
    }

    public WarehouseRun Warehouse { get; } = new();

    /// <summary>The last night's export loaded alone: no snapshot before tonight's.</summary>
    public WarehouseRun SingleNight { get; } = new();

    public void Dispose()
    {
        Warehouse.Dispose();
        SingleNight.Dispose();
    }
}

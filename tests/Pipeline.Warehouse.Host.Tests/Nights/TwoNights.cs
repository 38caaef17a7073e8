using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Nights;

/// <summary>
/// Two nights of one CRM (METRICS.md section 9), loaded into one warehouse:
/// night 1 (as of 2026-10-14): D1 in negotiation (1,000, closing 2026-10-20), D2 a lead without
/// history rows, D3 in demo, D4 won that day;
/// night 2 (as of 2026-11-29): D1 re-priced to 5,000 in the deals file only, D2 now in demo (still
/// no history rows), D3 deleted in the CRM, D4 as before, D5 new; rep R2 moved from East to West.
/// </summary>
public static class TwoNights
{
    public const string Night1 = "2026-10-14";
    public const string Night2 = "2026-11-29";

    /// <summary>Negotiation at 0.5, so a weighted pipeline shows which amount a deal was priced at.</summary>
    public const string Config = """{ "stageProbabilities": { "negotiation": 0.5 } }""";

    private const string History1 =
        "D1,lead,2026-09-01T00:00:00Z,R1,,\n"
        + "D1,negotiation,2026-09-10T00:00:00Z,R1,,\n"
        + "D3,lead,2026-10-02T00:00:00Z,R3,,\n"
        + "D3,demo,2026-10-05T00:00:00Z,R3,,\n"
        + "D4,lead,2026-09-15T00:00:00Z,R1,,\n"
        + "D4,closed_won,2026-10-14T10:00:00Z,R1,,\n";

    public static WarehouseRun WriteNight1(this WarehouseRun run) => run
        .WithFile("reps.csv", WarehouseRun.Reps)
        .WithFile("deals.csv", WarehouseRun.DealsHeader
            + "D1,Deal 1,R1,Acme,EMEA,Core,mid_market,inbound,1000,EUR,2026-09-01T00:00:00Z,2026-10-20,negotiation,\n"
            + "D2,Deal 2,R2,Beta,EMEA,Core,mid_market,inbound,2000,EUR,2026-10-01T00:00:00Z,2026-12-15,lead,\n"
            + "D3,Deal 3,R3,Gamma,APAC,Core,mid_market,inbound,3000,EUR,2026-10-02T00:00:00Z,2026-12-20,demo,\n"
            + "D4,Deal 4,R1,Delta,EMEA,Core,mid_market,inbound,4000,EUR,2026-09-15T00:00:00Z,2026-10-14,closed_won,\n")
        .WithFile("stage_history.csv", WarehouseRun.HistoryHeader + History1);

    public static WarehouseRun WriteNight2(this WarehouseRun run) => run
        .WithFile("reps.csv", WarehouseRun.Reps.Replace("R2,Bob Roe,bob@example.com,R1,East,", "R2,Bob Roe,bob@example.com,R1,West,", StringComparison.Ordinal))
        .WithFile("deals.csv", WarehouseRun.DealsHeader
            + "D1,Deal 1,R1,Acme,EMEA,Core,mid_market,inbound,5000,EUR,2026-09-01T00:00:00Z,2026-10-20,negotiation,\n"
            + "D2,Deal 2,R2,Beta,EMEA,Core,mid_market,inbound,2000,EUR,2026-10-01T00:00:00Z,2026-12-15,demo,\n"
            + "D4,Deal 4,R1,Delta,EMEA,Core,mid_market,inbound,4000,EUR,2026-09-15T00:00:00Z,2026-10-14,closed_won,\n"
            + "D5,Deal 5,R3,Eta,APAC,Core,mid_market,inbound,500,EUR,2026-11-20T00:00:00Z,2026-12-31,lead,\n")
        .WithFile("stage_history.csv", WarehouseRun.HistoryHeader
            + History1.Replace("D3,lead,2026-10-02T00:00:00Z,R3,,\nD3,demo,2026-10-05T00:00:00Z,R3,,\n", "", StringComparison.Ordinal)
            + "D5,lead,2026-11-20T00:00:00Z,R3,,\n");

    /// <summary>Every snapshot row as text, in order: night, deal, rep, stage, status, amount, close date.</summary>
    public static List<string> Snapshots(this WarehouseRun run) => run.Rows("""
        select strftime(snapshot_date, '%Y-%m-%d'), deal_id, rep_id, stage, status, cast(amount as varchar), cast(expected_close_date as varchar)
        from core.fact_pipeline_snapshot order by all
        """).Select(r => string.Join(' ', r)).ToList();

    public static List<string> RepVersions(this WarehouseRun run) => run.Rows("""
        select rep_id, team, strftime(valid_from, '%Y-%m-%d %H:%M'), coalesce(strftime(valid_to, '%Y-%m-%d'), '-'), is_current
        from core.dim_rep order by rep_id, valid_from
        """).Select(r => string.Join(' ', r)).ToList();
}

/// <summary>The two nights loaded one after the other, with what the first left.</summary>
public sealed class TwoNightsRun : IDisposable
{
    public TwoNightsRun()
    {
        Warehouse.WriteNight1().Run(TwoNights.Night1, configJson: TwoNights.Config);
        Night1Snapshots = Warehouse.Snapshots();
        Warehouse.WriteNight2().Run(TwoNights.Night2, configJson: TwoNights.Config);
    }

    public WarehouseRun Warehouse { get; } = new();

    public List<string> Night1Snapshots { get; }

    public void Dispose() => Warehouse.Dispose();
}

using Pipeline.Warehouse.Host.Tests.Marts;

namespace Pipeline.Warehouse.Host.Tests.Timeline;

/// <summary>
/// core.fact_deal's amount and expected close date are those known at T (METRICS.md sections 1 and
/// 9): the latest stage-history row before T that carries one (at one instant, the later row in the
/// file), else the export's value; the source column says which.
/// </summary>
public abstract class KnownValuesRun(string asOf) : MartsRun(Deals, History, asOf)
{
    // K1: amounts 100 then 300 in the history, 500 in the export; close dates likewise.
    // K2: no amount or date in its history: the export's. K3: two rows at one instant: the later line wins.
    private const string Deals =
        "K1,K1 deal,R1,Acme,EMEA,X,,,500,,2026-01-01T00:00:00Z,2026-12-31,demo,\n"
        + "K2,K2 deal,R1,Acme,EMEA,X,,,700,,2026-01-01T00:00:00Z,2026-10-31,lead,\n"
        + "K3,K3 deal,R1,Acme,EMEA,X,,,900,,2026-01-01T00:00:00Z,,opportunity,\n";

    private const string History =
        "K1,lead,2026-01-01T00:00:00Z,,100,2026-03-31\n"
        + "K1,demo,2026-06-01T00:00:00Z,,300,2026-09-30\n"
        + "K2,lead,2026-01-01T00:00:00Z,,,\n"
        + "K3,lead,2026-01-01T00:00:00Z,,,\n"
        + "K3,opportunity,2026-02-01T00:00:00Z,,10,\n"
        + "K3,opportunity,2026-02-01T00:00:00Z,,20,\n";

    public List<string> Values() => Rows("""
            select deal_id || ' ' || coalesce(cast(amount as varchar), '-') || ' ' || coalesce(amount_source, '-') || ' '
                || coalesce(cast(expected_close_date as varchar), '-') || ' ' || coalesce(expected_close_date_source, '-')
                || ' ' || coalesce(cast(amount_as_exported as varchar), '-')
            from core.fact_deal order by deal_id
            """).Select(row => (string)row[0]!).ToList();
}

public sealed class KnownValuesInMarchRun() : KnownValuesRun("2026-03-31");

public sealed class KnownValuesNowRun() : KnownValuesRun("2026-11-30");

public sealed class KnownValuesTests(KnownValuesInMarchRun march, KnownValuesNowRun now)
    : IClassFixture<KnownValuesInMarchRun>, IClassFixture<KnownValuesNowRun>
{
    [Fact]
    public void PastAsOf_UsesTheValuesKnownThen() =>
        march.Values().Should().Equal(
            "K1 100.00 stage_history 2026-03-31 stage_history 500.00",
            "K2 700.00 export 2026-10-31 export 700.00",
            "K3 20.00 stage_history - - 900.00");

    [Fact]
    public void LatestAsOf_UsesTheLatestHistoryValueBeforeT_ElseTheExport() =>
        now.Values().Should().Equal(
            "K1 300.00 stage_history 2026-09-30 stage_history 500.00",
            "K2 700.00 export 2026-10-31 export 700.00",
            "K3 20.00 stage_history - - 900.00");
}

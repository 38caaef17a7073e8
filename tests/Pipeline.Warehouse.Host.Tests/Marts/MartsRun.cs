using System.Globalization;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Marts;

/// <summary>A deal's attributes as exported: the grain columns of the marts, the amount and the expected close date.</summary>
public sealed record Grain(
    string Rep = "R1",
    string Region = "EMEA",
    string Product = "X",
    string CompanySize = "",
    string LeadType = "",
    string Amount = "100",
    string ExpectedClose = "");

/// <summary>
/// One run of the real job over a few hand-made deals (reps R1-R3 from <see cref="WarehouseRun.Reps"/>),
/// shared by the tests of a class through <c>IClassFixture</c>; the marts are read from the built
/// warehouse. Each test class derives one with its deals. The default as-of date is 2026-11-30,
/// so T = 2026-12-01 00:00 UTC and the window W = [2025-12-01 00:00, 2026-12-01 00:00)
/// (2026 has no 29 February: T - 365 days is exactly 2025-12-01).
/// </summary>
public abstract class MartsRun : HandMadeRun
{
    protected MartsRun(string deals, string history, string asOf = "2026-11-30", bool allowShrink = false, string? quotas = null, string? reps = null)
        : base(deals, history, asOf, allowShrink, quotas, reps)
    {
    }

    /// <summary>
    /// A deals.csv line with the given attributes (default: R1, EMEA, product X, unknown size and
    /// lead type, amount 100 in the reporting currency, no expected close date; an empty amount is a deal without one).
    /// </summary>
    public static string DealLine(string id, string createdAt, string stage, Grain? grain = null)
    {
        var g = grain ?? new Grain();
        return $"{id},{id} deal,{g.Rep},Acme,{g.Region},{g.Product},{g.CompanySize},{g.LeadType},{g.Amount},,{createdAt},{g.ExpectedClose},{stage},\n";
    }

    /// <summary>
    /// A deal created at its first entry, and its stage-history lines: (canonical stage, entered_at) pairs in order.
    /// The exported stage is the last one.
    /// </summary>
    public static (string Deal, string History) Timeline(string id, Grain? grain, params (string Stage, string EnteredAt)[] entries) =>
        (DealLine(id, entries[0].EnteredAt, entries[^1].Stage, grain),
            string.Concat(entries.Select(e => HistoryLine(id, e.Stage, e.EnteredAt))));

    /// <summary>A stage_history.csv line with the required fields and optionally the row's rep.</summary>
    public static string HistoryLine(string id, string stage, string enteredAt, string rep = "") => $"{id},{stage},{enteredAt},{rep},,\n";

    /// <summary>Concatenates <see cref="Timeline"/> results into the two files' bodies.</summary>
    public static (string Deals, string History) Files(params (string Deal, string History)[] timelines) =>
        (string.Concat(timelines.Select(t => t.Deal)), string.Concat(timelines.Select(t => t.History)));

    /// <summary>Rows of a query (DBNull becomes null).</summary>
    public List<object?[]> Rows(string sql, params (string Name, object? Value)[] parameters) => Warehouse.Rows(sql, parameters);

    /// <summary>A count; sums of counts come back as HUGEINT (BigInteger).</summary>
    public static long Long(object? value) => value is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    public static double? Double(object? value) => value switch
    {
        null => null,
        System.Numerics.BigInteger big => (double)big,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    public static decimal Decimal(object? value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}

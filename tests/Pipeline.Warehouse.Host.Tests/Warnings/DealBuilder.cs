using System.Globalization;
using System.Text;

namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>The segment columns and owner of a generated deal.</summary>
public sealed record Segment(string Region, string Product = "X", string CompanySize = "smb", string LeadType = "inbound", string Rep = "R1");

/// <summary>
/// Generates deals.csv and stage_history.csv rows in code: each deal follows a chosen path of
/// canonical stages entered at chosen UTC instants, is created at its first entry and is exported
/// in its last stage. Ids are D00001, D00002... in the order the deals are added.
/// </summary>
public sealed class DealBuilder
{
    /// <summary>As of 2026-11-30, T = 2026-12-01 00:00 and M = November 2026 (METRICS.md section 1).</summary>
    public static readonly DateTime Current = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The 6 baseline months before M = November: May to October 2026.</summary>
    public static readonly DateTime[] Baseline = [.. Enumerable.Range(0, 6).Select(i => Current.AddMonths(i - 6))];

    private readonly StringBuilder _deals = new();
    private readonly StringBuilder _history = new();
    private int _count;

    public string Deals => _deals.ToString();

    public string History => _history.ToString();

    /// <summary>One deal following <paramref name="path"/>; its id.</summary>
    public string Deal(Segment segment, params (string Stage, DateTime At)[] path)
    {
        var id = $"D{++_count:D5}";
        _deals.Append(CultureInfo.InvariantCulture,
            $"{id},{id} deal,{segment.Rep},Acme,{segment.Region},{segment.Product},{segment.CompanySize},{segment.LeadType},100,,{Stamp(path[0].At)},,{path[^1].Stage},\n");
        foreach (var (stage, at) in path)
            _history.Append(CultureInfo.InvariantCulture, $"{id},{stage},{Stamp(at)},,,\n");
        return id;
    }

    /// <summary>
    /// <paramref name="exited"/> deals that exit demo at <paramref name="at"/>: each enters demo a day
    /// earlier (so it also exits stages 1-4, advanced, when it enters demo); the first
    /// <paramref name="advanced"/> enter influencer_buy_in at <paramref name="at"/> and stay open,
    /// the others close lost from demo then (a closing exit, not advanced, and a lost close).
    /// </summary>
    public DealBuilder DemoExits(Segment segment, DateTime at, int exited, int advanced)
    {
        for (var i = 0; i < exited; i++)
            Deal(segment, ("demo", at.AddDays(-1)), (i < advanced ? "influencer_buy_in" : "closed_lost", at));
        return this;
    }

    /// <summary>
    /// <paramref name="closed"/> deals that close at <paramref name="at"/> after 10 days in lead: the first
    /// <paramref name="won"/> are won, the others lost (lead's conversion over these exits equals the win rate).
    /// </summary>
    public DealBuilder Closes(Segment segment, DateTime at, int closed, int won)
    {
        for (var i = 0; i < closed; i++)
            Deal(segment, ("lead", at.AddDays(-10)), (i < won ? "closed_won" : "closed_lost", at));
        return this;
    }

    /// <summary><paramref name="count"/> deals whose first entry, opportunity (order 4), is at <paramref name="at"/>; they stay open.</summary>
    public DealBuilder Opportunities(Segment segment, DateTime at, int count)
    {
        for (var i = 0; i < count; i++)
            Deal(segment, ("opportunity", at));
        return this;
    }

    /// <summary>A deal in lead from <paramref name="at"/> minus <paramref name="cycleDays"/>, won at <paramref name="at"/>: cycle_days = <paramref name="cycleDays"/>.</summary>
    public DealBuilder Won(Segment segment, DateTime at, double cycleDays, int count = 1)
    {
        for (var i = 0; i < count; i++)
            Deal(segment, ("lead", at.AddDays(-cycleDays)), ("closed_won", at));
        return this;
    }

    /// <summary>
    /// Spreads <paramref name="total"/> events over the 6 baseline months, round robin from May
    /// (event i on day 10, 12:00, of month i mod 6), calling <paramref name="add"/> with the instant
    /// and the event's index.
    /// </summary>
    public DealBuilder OverBaseline(int total, Action<DateTime, int> add)
    {
        for (var i = 0; i < total; i++)
            add(Baseline[i % 6].AddDays(9).AddHours(12), i);
        return this;
    }

    /// <summary>A moment in the middle of M (November 10, 12:00).</summary>
    public static DateTime InCurrent => Current.AddDays(9).AddHours(12);

    public static string Stamp(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

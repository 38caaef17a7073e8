using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.BadInput;

/// <summary>
/// Rows of small canonical exports for the bad-input tests. Every row ends in "\n"; a test that
/// needs CRLF, a BOM or blank lines builds the text itself.
/// </summary>
internal static class Exports
{
    /// <summary>A config that never fails a run for its rejects, for tests about the rejects themselves.</summary>
    public const string Lenient = """{"rejectThresholdPercent": 100}""";

    /// <summary>The quotas.csv header.</summary>
    public const string QuotasHeader = "rep_id,period_start,period_end,quota\n";

    /// <summary>One deals.csv row in the column order of <see cref="WarehouseRun.DealsHeader"/>; values are written as given (quote them yourself).</summary>
    public static string Deal(
        string id,
        string rep = "R1",
        string region = "EMEA",
        string product = "X",
        string amount = "100",
        string currency = "",
        string createdAt = "2026-01-01",
        string expectedClose = "2026-03-01",
        string stage = "Lead",
        string name = "",
        string account = "",
        string companySize = "smb",
        string leadType = "Inbound",
        string lossReason = "") =>
        $"{id},{name},{rep},{account},{region},{product},{companySize},{leadType},{amount},{currency},{createdAt},{expectedClose},{stage},{lossReason}\n";

    /// <summary>Good deals D{first} .. D{first + count - 1}, each a lead of R1 created 2026-01-01.</summary>
    public static string GoodDeals(int count, int first = 1) =>
        string.Concat(Enumerable.Range(first, count).Select(i => Deal($"D{i}")));

    /// <summary>deals.csv: the header, then the rows.</summary>
    public static string Deals(params string[] rows) => WarehouseRun.DealsHeader + string.Concat(rows);

    /// <summary>One stage_history.csv row in the column order of <see cref="WarehouseRun.HistoryHeader"/>.</summary>
    public static string History(string deal, string stage = "Lead", string enteredAt = "2026-01-01", string rep = "", string amount = "", string expectedClose = "") =>
        $"{deal},{stage},{enteredAt},{rep},{amount},{expectedClose}\n";

    /// <summary>stage_history.csv: the header, then the rows.</summary>
    public static string Histories(params string[] rows) => WarehouseRun.HistoryHeader + string.Concat(rows);

    /// <summary>One quotas.csv row.</summary>
    public static string Quota(string rep, string start = "2026-01-01", string end = "2026-03-31", string quota = "50000") =>
        $"{rep},{start},{end},{quota}\n";
}

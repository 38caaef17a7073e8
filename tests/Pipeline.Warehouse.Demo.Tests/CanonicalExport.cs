using System.Text;

namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>What makes a folder a valid canonical export: checked on the single demo export and on every simulated night.</summary>
internal static class CanonicalExport
{
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string>
    {
        ["deals.csv"] = "deal_id,deal_name,rep_id,account_name,region,product,company_size,lead_type,amount,currency,created_at,expected_close_date,stage,loss_reason,forecast_category",
        ["stage_history.csv"] = "deal_id,stage,entered_at,rep_id,amount,expected_close_date",
        ["reps.csv"] = "rep_id,rep_name,email,manager_id,team,region,active",
        ["quotas.csv"] = "rep_id,period_start,period_end,quota",
    };

    /// <summary>Every check below on the files of <paramref name="directory"/>; stage_history.csv is checked when present.</summary>
    public static void Check(string directory, DateTime end)
    {
        foreach (string file in Headers.Keys.Where(file => File.Exists(Path.Combine(directory, file))))
        {
            HasExactHeaderAsUtf8WithoutBomAndLfOnly(Path.Combine(directory, file), Headers[file]);
        }

        CsvTable deals = CsvTable.Read(Path.Combine(directory, "deals.csv"));
        string historyPath = Path.Combine(directory, "stage_history.csv");
        CsvTable? history = File.Exists(historyPath) ? CsvTable.Read(historyPath) : null;
        CsvTable reps = CsvTable.Read(Path.Combine(directory, "reps.csv"));
        CsvTable quotas = CsvTable.Read(Path.Combine(directory, "quotas.csv"));
        RowsHaveAsManyFieldsAsTheHeader(deals, reps, quotas);
        RepIdsAreRowsOfReps(deals, history, reps, quotas);
        deals.Rows.Select(row => Timestamps.Parse(row[deals["created_at"]])).Should().OnlyContain(created => created < end);
        if (history is not null)
        {
            RowsHaveAsManyFieldsAsTheHeader(history);
            HistoryIsBefore(history, end);
            HistoryIsContiguousAndChronologicalPerDealStartingAtCreation(deals, history);
            StageIsTheLastHistoryLabel(deals, history);
        }
    }

    public static void HasExactHeaderAsUtf8WithoutBomAndLfOnly(string path, string header)
    {
        byte[] bytes = File.ReadAllBytes(path);

        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, "files are UTF-8 without a BOM");
        bytes.Should().NotContain((byte)'\r', "lines end in LF only");
        bytes[^1].Should().Be((byte)'\n');
        Encoding.UTF8.GetString(bytes).Split('\n')[0].Should().Be(header);
    }

    public static void RowsHaveAsManyFieldsAsTheHeader(params CsvTable[] tables)
    {
        foreach (CsvTable table in tables)
        {
            table.Rows.Should().OnlyContain(row => row.Length == table.Header.Length);
        }
    }

    public static void HistoryIsBefore(CsvTable history, DateTime end)
    {
        int column = history["entered_at"];

        history.Rows.Select(row => Timestamps.Parse(row[column])).Should().OnlyContain(at => at < end);
    }

    public static void HistoryIsContiguousAndChronologicalPerDealStartingAtCreation(CsvTable deals, CsvTable history)
    {
        Dictionary<string, string> created = deals.Rows.ToDictionary(row => row[0], row => row[deals["created_at"]]);
        int enteredAt = history["entered_at"];
        var finished = new HashSet<string>();
        var problems = new List<string>();
        string previousDeal = "";
        DateTime previousAt = DateTime.MinValue;
        foreach (string[] row in history.Rows)
        {
            DateTime at = Timestamps.Parse(row[enteredAt]);
            if (row[0] != previousDeal)
            {
                if (!finished.Add(previousDeal) || finished.Contains(row[0]))
                {
                    problems.Add($"{row[0]}: its history rows are not written together");
                }

                if (row[enteredAt] != created[row[0]])
                {
                    problems.Add($"{row[0]}: the first history row is not the lead at creation");
                }

                previousDeal = row[0];
            }
            else if (at < previousAt)
            {
                problems.Add($"{row[0]}: history is not chronological at {row[enteredAt]}");
            }

            previousAt = at;
        }

        problems.Should().BeEmpty();
    }

    public static void StageIsTheLastHistoryLabel(CsvTable deals, CsvTable history)
    {
        Dictionary<string, string> last = history.Rows
            .GroupBy(row => row[0])
            .ToDictionary(group => group.Key, group => group.Last()[history["stage"]]);
        int stage = deals["stage"];

        deals.Rows.Where(deal => last.TryGetValue(deal[0], out string? label) && deal[stage] != label).Select(deal => deal[0])
            .Should().BeEmpty("a deal's stage is its last history row's");
    }

    public static void RepIdsAreRowsOfReps(CsvTable deals, CsvTable? history, CsvTable reps, CsvTable quotas)
    {
        var ids = reps.Rows.Select(row => row[0]).ToHashSet();

        deals.Rows.Select(row => row[deals["rep_id"]]).Should().OnlyContain(id => ids.Contains(id));
        history?.Rows.Select(row => row[history["rep_id"]]).Should().OnlyContain(id => ids.Contains(id));
        quotas.Rows.Select(row => row[0]).Should().OnlyContain(id => ids.Contains(id));
        reps.Rows.Select(row => row[reps["manager_id"]]).Where(id => id.Length > 0).Should().OnlyContain(id => ids.Contains(id));
    }
}

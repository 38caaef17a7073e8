namespace Pipeline.Warehouse.Demo;

/// <summary>
/// One night's export being written, deal by deal: deals.csv and stage_history.csv (none on the
/// history-less night) through the canonical format, and the night's rows of the generator's record
/// (truth/pipeline_snapshot.csv: every deal open at T or closed that day), with the night's counts.
/// </summary>
internal sealed class NightExport : IDisposable
{
    public static readonly string[] SnapshotColumns = ["snapshot_date", "deal_id", "rep_id", "stage", "status", "amount", "expected_close_date"];

    private const int BufferSize = 1 << 16;
    private const int MaxSnapshotRow = 256;

    /// <summary>The canonical stage key of each label (by label index), CSV-encoded.</summary>
    private static readonly byte[][] StageKeys = CsvText.Fields([.. StageLabels.CanonicalOrder.Select(order => StageLabels.CanonicalStages[order])]);

    private static readonly byte[] Open = "open"u8.ToArray();
    private static readonly byte[] Won = "won"u8.ToArray();
    private static readonly byte[] Lost = "lost"u8.ToArray();

    private readonly CanonicalDealFormat format;
    private readonly CsvSink snapshot;
    private readonly ExportFields fields;
    private readonly byte[] date;
    private readonly int day;

    /// <param name="snapshotPart">File for the night's snapshot rows, without a header.</param>
    public NightExport(string folder, DateOnly night, bool withHistory, string snapshotPart, DemoRoster roster, AccountBook accounts, ExportFields fields)
    {
        Date = night;
        WithHistory = withHistory;
        this.fields = fields;
        day = night.DayNumber;
        date = CsvText.Field(night.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        format = new CanonicalDealFormat(folder, roster, accounts, withHistory, BufferSize);
        snapshot = new CsvSink(snapshotPart, BufferSize);
    }

    public DateOnly Date { get; }

    public bool WithHistory { get; }

    /// <summary>Rows of deals.csv.</summary>
    public long Deals { get; private set; }

    /// <summary>Rows of stage_history.csv, double saves included; 0 without the file.</summary>
    public long HistoryRows { get; private set; }

    /// <summary>Deals open at T.</summary>
    public long OpenDeals { get; private set; }

    private readonly long[] events = new long[Enum.GetValues<NightEvent>().Length];

    /// <summary>The night's counts, by <see cref="NightEvent"/>.</summary>
    public IReadOnlyList<long> Events => events;

    /// <summary>Counts a change of the night.</summary>
    public void Record(NightEvent kind) => events[(int)kind]++;

    /// <summary>Writes the deal as it stood at T.</summary>
    /// <param name="deal">The deal at T (<see cref="DealCut"/>).</param>
    /// <param name="timeline">The deal's whole timeline, of which <paramref name="deal"/> holds the entries before T.</param>
    /// <param name="countAtStart">Entries of <paramref name="timeline"/> before the start of the night's day: 0 when created that day.</param>
    public void Write(ExportedDeal deal, DealBuffer timeline, int countAtStart)
    {
        format.Write(deal);
        Deals++;
        if (WithHistory)
        {
            for (int i = 0; i < deal.HistoryCount; i++)
            {
                HistoryRows += deal.Copies[i];
            }
        }

        DealBuffer now = deal.Deal;
        int label = now.CurrentLabel;
        bool open = !StageLabels.IsClosed(label);
        bool closedToday = !open && now.EnteredAt[now.Count - 1] / DemoCalendar.Day == day;
        if (open)
        {
            OpenDeals++;
        }

        if (open || closedToday)
        {
            WriteSnapshotRow(deal, open ? Open : label == StageLabels.ClosedWon ? Won : Lost);
        }

        if (closedToday)
        {
            Record(label == StageLabels.ClosedWon ? NightEvent.Won : NightEvent.Lost);
        }

        if (countAtStart == 0)
        {
            Record(NightEvent.Created);
        }
        else
        {
            CountChanges(now, timeline, countAtStart - 1);
        }
    }

    public void Dispose()
    {
        format.Dispose();
        snapshot.Dispose();
    }

    private void CountChanges(DealBuffer now, DealBuffer timeline, int before)
    {
        int label = now.CurrentLabel;
        int labelBefore = timeline.Labels[before];
        if (!StageLabels.IsClosed(label) && !StageLabels.IsClosed(labelBefore))
        {
            if (StageLabels.CanonicalOrder[label] > StageLabels.CanonicalOrder[labelBefore])
            {
                Record(NightEvent.Advanced);
            }

            if (now.ExpectedClose > timeline.CloseDates[before])
            {
                Record(NightEvent.Pushed);
            }
        }

        if (!now.AmountMissing && now.Amount != timeline.AmountsAfter[before])
        {
            Record(NightEvent.Repriced);
        }
    }

    private void WriteSnapshotRow(ExportedDeal deal, byte[] status)
    {
        DealBuffer now = deal.Deal;
        CsvSink row = snapshot;
        row.Reserve(MaxSnapshotRow);
        row.Append(date);
        row.Comma();
        row.Append(deal.Id);
        row.Comma();
        row.Append(fields.RepIds[now.Seller]);
        row.Comma();
        row.Append(StageKeys[now.CurrentLabel]);
        row.Comma();
        row.Append(status);
        row.Comma();
        if (!now.AmountMissing)
        {
            row.AppendAmount(now.Amount);
        }

        row.Comma();
        row.AppendDate(now.ExpectedClose);
        row.EndRow();
    }
}

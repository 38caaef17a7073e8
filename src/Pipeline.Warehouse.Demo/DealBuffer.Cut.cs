namespace Pipeline.Warehouse.Demo;

/// <summary>A deal cut at an instant: what a night's export knows of it.</summary>
internal sealed partial class DealBuffer
{
    /// <summary>Entries before <paramref name="instant"/>: 0 when the deal is created at or after it.</summary>
    public int CountBefore(long instant)
    {
        int count = 0;
        while (count < Count && EnteredAt[count] < instant)
        {
            count++;
        }

        return count;
    }

    /// <summary>Becomes <paramref name="source"/> as it stood after its first <paramref name="count"/> entries (at least 1).</summary>
    public void CopyFrom(DealBuffer source, int count)
    {
        StartFrom(source);
        Array.Copy(source.Labels, Labels, count);
        Array.Copy(source.EnteredAt, EnteredAt, count);
        Array.Copy(source.Amounts, Amounts, count);
        Array.Copy(source.CloseDates, CloseDates, count);
        Array.Copy(source.AmountsAfter, AmountsAfter, count);
        Array.Copy(source.LossReasonsAfter, LossReasonsAfter, count);
        Count = count;
        Amount = AmountsAfter[count - 1];
        ExpectedClose = CloseDates[count - 1];
        LossReason = LossReasonsAfter[count - 1];
    }

    /// <summary>Copies the deal's own attributes (owner, account, product, segment, creation, export quirks) and empties its timeline.</summary>
    public void StartFrom(DealBuffer source)
    {
        Clear();
        Seller = source.Seller;
        Account = source.Account;
        Product = source.Product;
        SizeClass = source.SizeClass;
        LeadType = source.LeadType;
        Created = source.Created;
        AmountMissing = source.AmountMissing;
        WithoutHistory = source.WithoutHistory;
    }
}

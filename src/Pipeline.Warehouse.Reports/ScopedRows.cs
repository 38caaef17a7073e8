namespace Pipeline.Warehouse.Reports;

/// <summary>
/// One kind of figure of a report set by scope (a <see cref="ScopeKey"/>, a rep id or a team): the
/// rows come from the figures that hold the scope, the company's or its batch's
/// (<see cref="ReportSet"/> reads a batch when a scope of it is first asked for).
/// </summary>
internal sealed class ScopedRows<TKey, TRow>(Func<TKey, ILookup<TKey, TRow>> figuresOf)
    where TKey : notnull
{
    /// <summary>The scope's rows in the query's order; none when it has none.</summary>
    public IEnumerable<TRow> this[TKey key] => figuresOf(key)[key];
}

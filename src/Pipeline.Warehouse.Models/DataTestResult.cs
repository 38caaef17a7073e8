namespace Pipeline.Warehouse.Models;

/// <summary>What running one data test found.</summary>
/// <param name="Name">The test name (file name without <c>.sql</c>).</param>
/// <param name="Path">Full path of the test file.</param>
/// <param name="RowCount">Rows the query returned; a passing test returns none.</param>
/// <param name="SampleRows">
/// A header line (column names joined by <c> | </c>) followed by up to
/// <see cref="ModelRunner.SampleRowLimit"/> returned rows formatted the same way; empty when the test passed.
/// </param>
/// <param name="Error">DuckDB's message when the query could not run; null otherwise.</param>
/// <param name="Elapsed">Time to run the query and read its rows.</param>
public sealed record DataTestResult(
    string Name,
    string Path,
    long RowCount,
    IReadOnlyList<string> SampleRows,
    string? Error,
    TimeSpan Elapsed)
{
    public bool Passed => Error is null && RowCount == 0;
}

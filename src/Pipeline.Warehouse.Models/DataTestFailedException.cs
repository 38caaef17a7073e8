namespace Pipeline.Warehouse.Models;

/// <summary>One or more data tests returned rows or could not run. Thrown after all tests have run.</summary>
public sealed class DataTestFailedException(IReadOnlyList<DataTestResult> failures, int testCount)
    : Exception(Describe(failures, testCount))
{
    public IReadOnlyList<DataTestResult> Failures { get; } = failures;

    private static string Describe(IReadOnlyList<DataTestResult> failures, int testCount)
    {
        var text = new System.Text.StringBuilder();
        text.Append(failures.Count).Append(" of ").Append(testCount)
            .Append(" data tests failed; each test must return zero rows.");
        foreach (var failure in failures)
        {
            text.AppendLine().Append("- ").Append(failure.Name).Append(" (").Append(failure.Path).Append(')');
            if (failure.Error is not null)
            {
                text.Append(" could not run: ").Append(failure.Error);
                continue;
            }

            var shown = failure.SampleRows.Count - 1;
            text.Append(" returned ").Append(failure.RowCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))
                .Append(failure.RowCount == 1 ? " row" : " rows")
                .Append(shown < failure.RowCount ? $"; the first {shown}:" : ":");
            foreach (var line in failure.SampleRows)
            {
                text.AppendLine().Append("    ").Append(line);
            }
        }

        return text.ToString();
    }
}

using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Pipeline.Warehouse.Models;

public sealed partial class ModelRunner
{
    /// <summary>How many returned rows a failing data test shows.</summary>
    public const int SampleRowLimit = 5;

    private const int MaxValueLength = 60;

    /// <summary>
    /// Runs every data test under tests/ (after the macros, once per connection). All tests run;
    /// then, if any returned rows or could not run, throws one <see cref="DataTestFailedException"/>
    /// listing every failure with its row count and first rows.
    /// </summary>
    /// <param name="connection">An open connection on which the models the tests read have been built.</param>
    /// <param name="onTested">Called after each test, passed or failed, e.g. to log it.</param>
    /// <returns>One result per test, in file-name order, when all pass.</returns>
    public IReadOnlyList<DataTestResult> RunTests(DuckDBConnection connection, Action<DataTestResult>? onTested = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var state = states.GetOrCreateValue(connection);
        RunMacros(connection, state);

        var results = new List<DataTestResult>(catalog.DataTests.Count);
        foreach (var test in catalog.DataTests)
        {
            // A test run early (ReleaseIntermediates) is reported here, in its place.
            var result = state.EarlyTests.TryGetValue(test.Name, out var early) ? early : RunTest(connection, test);
            results.Add(result);
            onTested?.Invoke(result);
        }

        var failures = results.Where(r => !r.Passed).ToList();
        return failures.Count > 0 ? throw new DataTestFailedException(failures, results.Count) : results;
    }

    private static DataTestResult RunTest(DuckDBConnection connection, DataTest test)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = test.Query;
            using var reader = command.ExecuteReader();

            var sample = new List<string>();
            long rows = 0;
            while (reader.Read())
            {
                if (rows == 0)
                {
                    sample.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)));
                }

                if (rows < SampleRowLimit)
                {
                    sample.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Format(reader, i))));
                }

                rows++;
            }

            return new DataTestResult(test.Name, test.Path, rows, sample, null, stopwatch.Elapsed);
        }
        catch (DbException ex)
        {
            return new DataTestResult(test.Name, test.Path, 0, [], ex.Message, stopwatch.Elapsed);
        }
    }

    private static string Format(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return "NULL";
        }

        var value = reader.GetValue(ordinal);
        var text = value is IFormattable formattable
            ? formattable.ToString(null, CultureInfo.InvariantCulture)
            : value.ToString() ?? string.Empty;
        return text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength - 3), "...");
    }
}

using System.Text.RegularExpressions;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>
/// No figure is computed twice: the report queries of sql/reports select rows of the marts (filter,
/// order, limit); they never aggregate, and they read the core only to list rows.
/// </summary>
public sealed partial class ThinReportQueriesTests
{
    /// <summary>Queries allowed an aggregate, and why: none of them computes a figure a report shows.</summary>
    private static readonly Dictionary<string, string> AggregateAllowed = new(StringComparer.Ordinal)
    {
        ["report_context_exists"] = "counts catalog entries: whether the warehouse has marts.report_context",
        ["health_load_files"] = "max(load_id) picks the latest run whose files are listed",
    };

    /// <summary>Core tables a query may read, and why: lists of rows and dimensions, no figures.</summary>
    private static readonly Dictionary<string, string> CoreAllowed = new(StringComparer.Ordinal)
    {
        ["rep_closed_deals"] = "lists a rep's closed deals (core.fact_deal rows as they are)",
        ["report_stages"] = "lists the stages with their labels (core.dim_stage)",
    };

    public static IEnumerable<object[]> Queries() =>
        Directory.EnumerateFiles(ReportQueries.Folder, "*.sql").Order(StringComparer.Ordinal)
            .Select(path => new object[] { Path.GetFileNameWithoutExtension(path) });

    [Theory]
    [MemberData(nameof(Queries))]
    public void ReportQuery_SelectsFromTheMartsWithoutAggregating(string name)
    {
        var sql = Code(File.ReadAllText(Path.Combine(ReportQueries.Folder, name + ".sql")));
        sql.Should().NotContain("group by", $"{name}.sql must select rows of a mart, not aggregate them");
        if (!AggregateAllowed.ContainsKey(name))
            Aggregate().Matches(sql).Select(match => match.Value).Should().BeEmpty($"{name}.sql must not compute a figure: the marts compute each figure once");
        if (!CoreAllowed.ContainsKey(name))
            CoreTable().Matches(sql).Select(match => match.Value).Should().BeEmpty($"{name}.sql must read the marts, not the core");
    }

    [Fact]
    public void EveryReportQuery_IsChecked() => Queries().Should().HaveCountGreaterThan(10);

    /// <summary>The SQL without its comments and string literals, lower case.</summary>
    private static string Code(string sql) => StringLiteral().Replace(Comment().Replace(sql, " "), "''").ToLowerInvariant();

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b(sum|count|avg|mean|median|min|max|quantile\w*|stddev\w*|string_agg|list|array_agg|bool_or|bool_and|arg_max|arg_min|mode)\s*\(")]
    private static partial Regex Aggregate();

    [GeneratedRegex(@"\bcore\.\w+")]
    private static partial Regex CoreTable();
}

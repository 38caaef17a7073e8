using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Parquet.Schema;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Export;

/// <summary>
/// export --parquet DIR: every table and view the warehouse's catalog lists is in the export, and
/// every file, read back by Parquet.Net (not DuckDB), holds the warehouse's rows: the same counts,
/// non-null counts, sums of the numeric columns, string lengths and date ranges as DuckDB computes
/// over the warehouse.
/// </summary>
[Collection(ExportRun.Collection)]
public sealed partial class ParquetExportTests(ExportRun export)
{
    private JsonObject Manifest => JsonNode.Parse(File.ReadAllText(Path.Combine(export.Export, "manifest.json")))!.AsObject();

    private JsonObject TableOf(string schema, string name) =>
        Manifest["tables"]!.AsArray().Select(t => t!.AsObject()).Single(t => (string)t["schema"]! == schema && (string)t["name"]! == name);

    [Fact]
    public void Export_DemoWarehouse_ExitsZeroAndSaysWhatItWrote()
    {
        export.Result.ExitCode.Should().Be(0, export.Result.Stderr);
        export.Result.Stdout.Should().Contain("of load 2, as of 2026-11-30").And.Contain("core.fact_deal by created_at");
        // Nothing is left beside DIR but the lock file.
        Directory.GetFileSystemEntries(Path.GetDirectoryName(export.Export)!).Select(Path.GetFileName)
            .Should().BeEquivalentTo("parquet", "parquet.lock");
    }

    [Fact]
    public void Export_Manifest_NamesTheLatestLoadAndEveryTableWithItsCount()
    {
        var manifest = Manifest;
        // The latest run of meta.etl_run, not the clock: the second night.
        ((int)manifest["load_id"]!).Should().Be(2);
        ((string)manifest["as_of"]!).Should().Be("2026-11-30");
        manifest.ContainsKey("written_at").Should().BeFalse();
        var listed = manifest["tables"]!.AsArray().Select(t => $"{t!["schema"]}.{t["name"]}").ToList();
        listed.Should().Equal(WarehouseObjects().Select(o => $"{o.Schema}.{o.Name}"), "every table of core, marts and meta and every view, in catalog order");
        listed.Should().Contain(["core.fact_deal", "core.fact_stage_transition", "core.fact_pipeline_snapshot", "marts.stage_flow", "marts.funnel_monthly", "meta.etl_run", "meta.rejected_row"]);
        foreach (var (schema, name, kind) in WarehouseObjects())
        {
            var table = TableOf(schema, name);
            ((long)table["rows"]!).Should().Be(export.Run.Scalar<long>($"select count(*) from {schema}.{name}"), $"{schema}.{name}");
            ((string)table["kind"]!).Should().Be(kind);
            ((string)table["path"]!).Should().Be($"{schema}/{name}");
            var files = table["files"]!.AsArray().Select(f => (string)f!).ToList();
            files.Should().NotBeEmpty().And.OnlyContain(f => f.StartsWith($"{schema}/{name}/", StringComparison.Ordinal));
            files.Should().BeEquivalentTo(Directory.EnumerateFiles(Path.Combine(export.Export, schema, name), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(export.Export, f)), $"{schema}.{name}: the manifest lists the files on disk");
            var columns = table["columns"]!.AsArray().Select(c => (string)c!["name"]!).ToList();
            columns.Should().Equal(WarehouseColumns(schema, name).Select(c => c.Name), $"{schema}.{name}");
        }
    }

    [Fact]
    public void Export_EveryFileReadBackByParquetNet_MatchesTheWarehouse()
    {
        var differences = new List<string>();
        var checkedSums = 0;
        foreach (var (schema, name, _) in WarehouseObjects())
        {
            var files = TableOf(schema, name)["files"]!.AsArray().Select(f => Path.Combine(export.Export, (string)f!)).ToList();
            var parquet = ParquetTable.Read(files);
            var columns = WarehouseColumns(schema, name);
            foreach (var fileSchema in parquet.Schemas)
                fileSchema.Fields.Select(f => f.Name).Should().Equal(columns.Select(c => c.Name), $"{schema}.{name}: each file has the table's columns in order");

            var checks = columns.SelectMany(c => Checks(c.Name, c.Type)).ToList();
            var expected = export.Run.Rows($"select count(*), {string.Join(", ", checks.Select(c => c.Sql))} from \"{schema}\".\"{name}\"")[0];
            if (Convert.ToInt64(expected[0], CultureInfo.InvariantCulture) != parquet.Rows.Count)
                differences.Add($"{schema}.{name}: {expected[0]} rows in the warehouse, {parquet.Rows.Count} in the files");
            for (var i = 0; i < checks.Count; i++)
            {
                var check = checks[i];
                var actual = check.FromParquet(parquet.Values(check.Column));
                if (!check.Same(expected[i + 1], actual))
                    differences.Add($"{schema}.{name}.{check.Column} {check.What}: warehouse {expected[i + 1] ?? "NULL"}, Parquet.Net {actual ?? "NULL"}");
                if (check.What == "sum")
                    checkedSums++;
            }
        }
        differences.Should().BeEmpty();
        checkedSums.Should().BeGreaterThan(100, "every table's numeric columns are summed");
    }

    [Theory]
    [InlineData("core", "fact_deal", "created_at")]
    [InlineData("core", "fact_stage_transition", "entered_at")]
    [InlineData("core", "fact_pipeline_snapshot", "snapshot_date")]
    [InlineData("marts", "pipeline_waterfall_deals", "period_start")]
    public void Export_LargeTable_IsHivePartitionedByTheMonthOfItsDate(string schema, string table, string column)
    {
        var folder = Path.Combine(export.Export, schema, table);
        Directory.GetFiles(folder).Should().BeEmpty("every file is in a month folder");
        var months = Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        months.Should().OnlyContain(m => MonthFolder().IsMatch(m!));
        months.Select(m => m![6..]).Should().Equal(
            export.Run.Rows($"select distinct strftime({column}, '%Y-%m') as month from {schema}.{table} order by month").Select(r => (string)r[0]!));
        if (table == "fact_pipeline_snapshot")
            months.Should().Equal("month=2026-10", "month=2026-11");
        foreach (var month in months)
        {
            // Read back: every row of a month folder has its date in that month.
            var rows = ParquetTable.Read(Directory.GetFiles(Path.Combine(folder, month!), "*.parquet"));
            rows.Rows.Should().NotBeEmpty();
            rows.Values(column).Select(v => v switch
            {
                DateTime t => t.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                _ => v.ToString(),
            }).Distinct().Should().Equal(month![6..]);
        }
        var partition = TableOf(schema, table)["partition"]!.AsObject();
        ((string)partition["column"]!).Should().Be("month");
        ((string)partition["source_column"]!).Should().Be(column);
        ((int)partition["partitions"]!).Should().Be(months.Count);
    }

    [Fact]
    public void Export_SmallTables_AreOneFileEach()
    {
        foreach (var (schema, name) in new[] { ("core", "dim_stage"), ("core", "dim_rep"), ("marts", "stage_flow"), ("marts", "open_deals"), ("marts", "funnel_monthly"), ("meta", "etl_run") })
        {
            TableOf(schema, name)["files"]!.AsArray().Select(f => (string)f!).Should().Equal($"{schema}/{name}/data_0.parquet");
            TableOf(schema, name)["partition"].Should().BeNull();
        }
    }

    [Fact]
    public void Export_Types_AreOnesSparkAndTrinoReadWithoutConversion()
    {
        var columns = Manifest["tables"]!.AsArray().SelectMany(t => t!["columns"]!.AsArray().Select(c => c!.AsObject())).ToList();
        // Nothing written as a type Spark or Trino cannot read as it is.
        columns.Select(c => (string)c["exported_type"]!).Should().OnlyContain(t => Portable().IsMatch(t));
        // DuckDB would write HUGEINT (a sum of BIGINTs, e.g. funnel_monthly.exited) as DOUBLE: it is a BIGINT.
        var exited = TableOf("marts", "funnel_monthly")["columns"]!.AsArray().Single(c => (string)c!["name"]! == "exited")!;
        ((string)exited["duckdb_type"]!).Should().Be("HUGEINT");
        ((string)exited["exported_type"]!).Should().Be("BIGINT");
        ((string)exited["parquet_type"]!).Should().Be("INT64");

        // What the manifest says, checked against the schema Parquet.Net reads from a file.
        var file = Path.Combine(export.Export, (string)TableOf("core", "fact_deal")["files"]![0]!);
        var schema = ParquetTable.Schema(file);
        var amount = schema.FindDataField("amount").Should().BeOfType<DecimalDataField>().Subject;
        (amount.Precision, amount.Scale).Should().Be((18, 2));
        var created = schema.FindDataField("created_at").Should().BeOfType<DateTimeDataField>().Subject;
        created.IsAdjustedToUTC.Should().BeFalse("a UTC wall clock, no time zone for a reader to shift by");
        created.Unit.Should().Be(DateTimeTimeUnit.Micros);
        var manifestColumns = TableOf("core", "fact_deal")["columns"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => c!.AsObject());
        ((string)manifestColumns["amount"]["logical_type"]!).Should().Be("DECIMAL(18,2)");
        ((string)manifestColumns["amount"]["parquet_type"]!).Should().Be("INT64");
        ((string)manifestColumns["created_at"]["logical_type"]!).Should().Be("TIMESTAMP(isAdjustedToUTC=false, unit=MICROS)");
        ((string)manifestColumns["expected_close_date"]["logical_type"]!).Should().Be("DATE");
        ((string)manifestColumns["deal_id"]["logical_type"]!).Should().Be("STRING");
        ((string)manifestColumns["amount"]["description"]!).Should().StartWith("Amount in the reporting currency");
    }

    [Fact]
    public void Export_Again_ReplacesTheExportWholeAndWritesTheSameManifest()
    {
        var target = export.Scratch("again");
        CliProcess.Run("export", "--warehouse", export.Run.Warehouse, "--parquet", target).ExitCode.Should().Be(0);
        var first = File.ReadAllText(Path.Combine(target, "manifest.json"));
        File.WriteAllText(Path.Combine(target, "core", "stray.txt"), "left by someone");
        Directory.CreateDirectory(Path.Combine(target, "core", "fact_deal", "month=1999-01"));

        var again = CliProcess.Run("export", "--warehouse", export.Run.Warehouse, "--parquet", target);

        again.ExitCode.Should().Be(0, again.Stderr);
        File.ReadAllText(Path.Combine(target, "manifest.json")).Should().Be(first, "the same warehouse gives the same manifest (no clock in it)");
        File.Exists(Path.Combine(target, "core", "stray.txt")).Should().BeFalse("the earlier export is replaced whole");
        Directory.Exists(Path.Combine(target, "core", "fact_deal", "month=1999-01")).Should().BeFalse();
        Directory.Exists(target + ".partial").Should().BeFalse();
        Directory.Exists(target + ".previous").Should().BeFalse();
    }

    private IEnumerable<(string Schema, string Name, string Kind)> WarehouseObjects() =>
        export.Run.Rows("""
            select schema_name, table_name as name, 'table' from duckdb_tables() where schema_name in ('core', 'marts', 'meta') and not temporary
            union all
            select schema_name, view_name, 'view' from duckdb_views() where schema_name in ('core', 'marts') and not internal and not temporary
            order by 1, 2
            """).Select(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!));

    private List<(string Name, string Type)> WarehouseColumns(string schema, string name) =>
        [.. export.Run.Rows("select column_name, data_type from duckdb_columns() where schema_name = $schema and table_name = $name order by column_index",
            ("schema", schema), ("name", name)).Select(r => ((string)r[0]!, (string)r[1]!))];

    /// <summary>A figure computed by DuckDB over the warehouse and by C# over the values Parquet.Net read.</summary>
    private sealed record Check(string Column, string What, string Sql, Func<List<object>, object?> FromParquet, Func<object?, object?, bool> Same);

    private static IEnumerable<Check> Checks(string column, string type)
    {
        var quoted = "\"" + column.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        yield return new Check(column, "non-null count", $"count({quoted})", values => (long)values.Count, (a, b) => Convert.ToInt64(a, CultureInfo.InvariantCulture) == (long)b!);
        if (type.StartsWith("DECIMAL", StringComparison.Ordinal) || type is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT")
            yield return new Check(column, "sum", $"cast(sum({quoted}) as varchar)",
                values => values.Count == 0 ? null : values.Sum(v => Convert.ToDecimal(v, CultureInfo.InvariantCulture)),
                (a, b) => a is null ? b is null : b is decimal sum && decimal.Parse((string)a, CultureInfo.InvariantCulture) == sum);
        else if (type is "DOUBLE" or "FLOAT")
            yield return new Check(column, "sum", $"sum({quoted})",
                values => values.Count == 0 ? null : values.Sum(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)),
                (a, b) => a is null ? b is null : b is double sum && Math.Abs(Convert.ToDouble(a, CultureInfo.InvariantCulture) - sum) <= 1e-9 * Math.Max(1, Math.Abs(sum)));
        else if (type == "TIMESTAMP")
        {
            yield return new Check(column, "min", $"epoch_us(min({quoted}))", values => values.Count == 0 ? null : values.Cast<DateTime>().Min(Micros), SameLong);
            yield return new Check(column, "max", $"epoch_us(max({quoted}))", values => values.Count == 0 ? null : values.Cast<DateTime>().Max(Micros), SameLong);
        }
        else if (type == "DATE")
        {
            yield return new Check(column, "min", $"cast(min({quoted}) as varchar)", values => values.Count == 0 ? null : values.Cast<DateOnly>().Min().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Equals);
            yield return new Check(column, "max", $"cast(max({quoted}) as varchar)", values => values.Count == 0 ? null : values.Cast<DateOnly>().Max().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Equals);
        }
        else if (type == "VARCHAR")
            yield return new Check(column, "UTF-8 bytes", $"cast(sum(strlen({quoted})) as bigint)",
                values => values.Count == 0 ? null : values.Sum(v => (long)Encoding.UTF8.GetByteCount((string)v)), SameLong);
        else if (type == "BOOLEAN")
            yield return new Check(column, "true count", $"count(*) filter (where {quoted})", values => (long)values.Count(v => (bool)v), SameLong);
    }

    private static long Micros(DateTime value) => (value.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    private static bool SameLong(object? warehouse, object? parquet) =>
        warehouse is null ? parquet is null : parquet is not null && Convert.ToInt64(warehouse, CultureInfo.InvariantCulture) == Convert.ToInt64(parquet, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^month=\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex MonthFolder();

    [GeneratedRegex(@"^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\)|VARCHAR|DATE|TIMESTAMP|BLOB)$")]
    private static partial Regex Portable();
}

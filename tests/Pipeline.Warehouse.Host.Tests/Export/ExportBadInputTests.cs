using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Export;

/// <summary>Bad input to export exits 2 with a sentence saying what to do, and writes nothing.</summary>
[Collection(ExportRun.Collection)]
public sealed class ExportBadInputTests(ExportRun export)
{
    [Fact]
    public void Export_ParquetPathIsAFile_ExitsWith2AndLeavesTheFile()
    {
        var file = export.Scratch("a-file.parquet");
        File.WriteAllText(file, "not a folder");

        var result = CliProcess.Run("export", "--warehouse", export.Run.Warehouse, "--parquet", file);

        result.ExitCode.Should().Be(2, result.Stdout);
        result.Stderr.Should().StartWith("error: ").And.Contain($"--parquet {file} is a file");
        File.ReadAllText(file).Should().Be("not a folder");
    }

    [Fact]
    public void Export_ParquetPathIsAFolderOfOtherFiles_ExitsWith2AndEmptiesNothing()
    {
        var folder = export.Scratch("documents");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "thesis.txt"), "years of work");

        var result = CliProcess.Run("export", "--warehouse", export.Run.Warehouse, "--parquet", folder);

        result.ExitCode.Should().Be(2, result.Stdout);
        result.Stderr.Should().Contain("holds other files, not an earlier export").And.Contain("pass a new or empty folder");
        Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Should().Equal("thesis.txt");
        Directory.Exists(folder + ".partial").Should().BeFalse();
    }

    [Fact]
    public void Export_NoWarehouse_ExitsWith2()
    {
        var target = export.Scratch("out-missing");
        var result = CliProcess.Run("export", "--warehouse", export.Scratch("nowhere.duckdb"), "--parquet", target);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("No warehouse at").And.Contain("--warehouse");
        Directory.Exists(target).Should().BeFalse();
    }

    [Fact]
    public void Export_WarehouseIsNotADuckDbFile_ExitsWith2()
    {
        var text = export.Scratch("notes.duckdb");
        File.WriteAllText(text, "deal_id,stage\nD1,lead\n");
        var target = export.Scratch("out-text");

        var result = CliProcess.Run("export", "--warehouse", text, "--parquet", target);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("cannot be read as a warehouse");
        Directory.Exists(target).Should().BeFalse();
    }

    [Fact]
    public void Export_DuckDbFileThatIsNoWarehouse_ExitsWith2()
    {
        var other = export.Scratch("other.duckdb");
        using (var connection = Pipeline.Warehouse.Reports.WarehouseConnection.Open(other))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "create table t as select 1 as x";
            command.ExecuteNonQuery();
        }
        var target = export.Scratch("out-other");

        var result = CliProcess.Run("export", "--warehouse", other, "--parquet", target);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("not a Pipeline Warehouse (it has no meta.etl_run)");
        Directory.Exists(target).Should().BeFalse();
    }

    [Fact]
    public void Export_EmptyParquetPath_ExitsWith2()
    {
        var result = CliProcess.Run("export", "--warehouse", export.Run.Warehouse, "--parquet", "");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("needs a path after --warehouse and after --parquet");
    }

    [Fact]
    public void Export_WithoutParquet_ExitsWith2()
    {
        var result = CliProcess.Run("export", "--warehouse", export.Run.Warehouse);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("export needs --parquet");
    }
}

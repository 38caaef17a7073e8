using System.Data.Common;
using System.Diagnostics;
using DuckDB.NET.Data;

namespace Pipeline.Warehouse.Models;

public sealed partial class ModelRunner
{
    private static ModelResult BuildModel(DuckDBConnection connection, Model model, string? intermediates)
    {
        var stopwatch = Stopwatch.StartNew();
        long? rows;
        try
        {
            if (model.IsPublished)
            {
                connection.Execute($"create schema if not exists {model.Schema}");
            }

            // A developer's aid: PIPELINE_WAREHOUSE_PROFILE=DIR writes DuckDB's JSON profile of each
            // model's query to DIR/<name>.json (the time of each operator, to see where a model's goes).
            if (ProfileFolder is { } profiles)
            {
                Directory.CreateDirectory(profiles);
                connection.Execute("pragma enable_profiling = 'json'");
                connection.Execute($"pragma profiling_output = {DuckDbExecution.Literal(Path.Combine(Path.GetFullPath(profiles), model.QualifiedName + ".json"))}");
            }

            // The prefix shares line 1 with the file, so DuckDB's "LINE n" is the file's line n.
            connection.Execute($"{CreatePrefix(model, intermediates)} {model.Query}");
            if (ProfileFolder is not null)
                connection.Execute("pragma disable_profiling");

            // Views are not counted: count(*) on a view runs its whole query again.
            rows = model.Folder is ModelFolders.Staging or ModelFolders.Views
                ? null
                : connection.ScalarInt64($"select count(*) from {model.QualifiedName}");

            // A developer's aid: PIPELINE_WAREHOUSE_KEEP_INTERMEDIATES=1 keeps a copy of every
            // intermediate in schema debug_intermediate, to query after the run.
            if (model.Folder == ModelFolders.Intermediate && KeepIntermediates)
            {
                connection.Execute("create schema if not exists debug_intermediate");
                connection.Execute($"create or replace table debug_intermediate.{model.Name} as select * from {model.Name}");
            }
        }
        catch (DbException ex)
        {
            throw new ModelBuildException(
                $"Building {model.QualifiedName} from {model.Path} failed (DuckDB's line numbers are the file's): {ex.Message}", ex);
        }

        if (model.IsPublished)
        {
            Document(connection, model);
        }

        return new ModelResult(model.Name, model.Folder, model.QualifiedName, model.Path, rows, stopwatch.Elapsed);
    }

    private static string? ProfileFolder =>
        Environment.GetEnvironmentVariable("PIPELINE_WAREHOUSE_PROFILE") is { Length: > 0 } folder ? folder : null;

    private static bool KeepIntermediates =>
        Environment.GetEnvironmentVariable("PIPELINE_WAREHOUSE_KEEP_INTERMEDIATES") == "1";

    private static string CreatePrefix(Model model, string? intermediates) => model.Folder switch
    {
        ModelFolders.Staging => $"create or replace temp view {model.Name} as",
        ModelFolders.Intermediate when intermediates is not null => $"create or replace table {intermediates}.main.{model.Name} as",
        ModelFolders.Intermediate => $"create or replace temp table {model.Name} as",
        ModelFolders.Views => $"create or replace view {model.QualifiedName} as",
        _ => $"create or replace table {model.QualifiedName} as",
    };

    /// <summary>
    /// Checks that the documentation block defines exactly the table's columns, then applies it with
    /// COMMENT ON TABLE / COMMENT ON COLUMN. The text comes from our own sql files, never from data.
    /// </summary>
    private static void Document(DuckDBConnection connection, Model model)
    {
        var columns = connection.Strings(
            "select column_name from duckdb_columns() " +
            $"where database_name = current_database() and schema_name = {DuckDbExecution.Literal(model.Schema!)} " +
            $"and table_name = {DuckDbExecution.Literal(model.Name)} order by column_index");
        CheckDocumentation(model, columns);

        var documentation = model.Documentation!;
        // One command for the table's comments: a statement each, without a round trip each.
        var statements = new List<string>(columns.Count + 1)
        {
            $"comment on {(model.Folder == ModelFolders.Views ? "view" : "table")} {model.QualifiedName} is {DuckDbExecution.Literal(documentation.Description!)}",
        };
        foreach (var column in columns)
        {
            var text = documentation.Columns
                .First(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase))
                .Description;
            statements.Add($"comment on column {model.QualifiedName}.{DuckDbExecution.Quote(column)} is {DuckDbExecution.Literal(text)}");
        }

        try
        {
            connection.Execute(string.Join(";\n", statements));
        }
        catch (DbException ex)
        {
            throw new ModelBuildException($"Documenting {model.QualifiedName} from {model.Path} failed: {ex.Message}", ex);
        }
    }

    private static void CheckDocumentation(Model model, List<string> columns)
    {
        var documentation = model.Documentation;
        var example = $"/*\ndescription: One row per ...\ncolumns:\n  {(columns.Count > 0 ? columns[0] : "column_name")}: What it means.\n*/";
        if (documentation is null)
        {
            throw new ModelBuildException(
                $"{model.Path}: {model.QualifiedName} has no documentation block, and every core and marts table and column needs one. " +
                $"Start the file with a block comment like\n{example}\ndefining each of its columns: {string.Join(", ", columns)}.");
        }

        if (documentation.Description is null)
        {
            throw new ModelBuildException(
                $"{model.Path}: the documentation block of {model.QualifiedName} has no 'description:'; " +
                "add one saying what one row is (the grain) and what the table is for.");
        }

        var undocumented = columns
            .Where(c => !documentation.Columns.Any(d => string.Equals(d.Name, c, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var unknown = documentation.Columns
            .Where(d => !columns.Any(c => string.Equals(d.Name, c, StringComparison.OrdinalIgnoreCase)))
            .Select(d => d.Name)
            .ToList();
        if (undocumented.Count == 0 && unknown.Count == 0)
        {
            return;
        }

        var problems = new List<string>();
        if (undocumented.Count > 0)
        {
            problems.Add($"columns without a definition under 'columns:': {string.Join(", ", undocumented)} (add a line '  name: definition' for each)");
        }

        if (unknown.Count > 0)
        {
            problems.Add($"documented columns the query does not produce: {string.Join(", ", unknown)} (remove them or fix their names)");
        }

        throw new ModelBuildException(
            $"{model.Path}: the documentation block of {model.QualifiedName} does not match its columns: {string.Join("; ", problems)}. " +
            $"The table has: {string.Join(", ", columns)}.");
    }
}

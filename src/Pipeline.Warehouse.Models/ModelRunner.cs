using System.Data.Common;
using System.Runtime.CompilerServices;
using DuckDB.NET.Data;

namespace Pipeline.Warehouse.Models;

/// <summary>
/// Finds the SQL files under a root folder (macros/, staging/, intermediate/, core/, marts/, tests/),
/// orders the models by dependency, builds them into an open DuckDB connection, documents the
/// published ones with COMMENT ON, and runs the data tests.
/// </summary>
/// <remarks>
/// Everything under the root is read and checked in the constructor, which throws
/// <see cref="ModelDefinitionException"/> for a bad folder (duplicate names, DDL in a model,
/// a malformed documentation block, an unknown depends_on name, a cycle).
/// The runner remembers, per connection, which models it has built, so a caller can build in
/// phases (<c>Build(conn, ["staging", "intermediate"])</c>, check thresholds, then <c>Build(conn, ["core"])</c>).
/// </remarks>
public sealed partial class ModelRunner(string sqlRoot)
{
    private readonly ModelCatalog catalog = ModelCatalog.Load(sqlRoot);
    private readonly ConditionalWeakTable<DuckDBConnection, BuildState> states = new();

    /// <summary>The models under staging/, intermediate/, core/ and marts/, in build order.</summary>
    public IReadOnlyList<Model> Models => catalog.Models;

    /// <summary>The queries under tests/, in file-name order.</summary>
    public IReadOnlyList<DataTest> DataTests => catalog.DataTests;

    /// <summary>
    /// Runs the macros (once per connection), then builds the models of <paramref name="folders"/>
    /// (all four when null) in dependency order.
    /// </summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="folders">Model folders to build: any of <see cref="ModelFolders.All"/>.</param>
    /// <param name="onBuilt">Called after each model is built, e.g. to log it.</param>
    /// <returns>One result per built model, in build order.</returns>
    /// <exception cref="ModelBuildException">
    /// A model depends on a model of a folder that is neither being built nor built earlier on this
    /// connection (nothing is built then), or DuckDB rejected a macro or model, or a published model's
    /// documentation does not match its columns.
    /// </exception>
    public IReadOnlyList<ModelResult> Build(
        DuckDBConnection connection,
        IEnumerable<string>? folders = null,
        Action<ModelResult>? onBuilt = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var selected = ModelFolders.Select(folders);
        return Build(connection, m => selected.Contains(m.Folder), onBuilt);
    }

    /// <summary>
    /// Runs the macros (once per connection), then builds the models <paramref name="include"/>
    /// selects, in dependency order; their dependencies must be selected too or built earlier on
    /// this connection.
    /// </summary>
    public IReadOnlyList<ModelResult> Build(
        DuckDBConnection connection,
        Func<Model, bool> include,
        Action<ModelResult>? onBuilt = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(include);
        var state = states.GetOrCreateValue(connection);
        var models = catalog.Models.Where(include).ToList();
        CheckDependenciesAvailable(models, state);
        RunMacros(connection, state);

        var results = new List<ModelResult>(models.Count);
        foreach (var model in models)
        {
            var result = BuildModel(connection, model, state.IntermediatesCatalog);
            state.Built.Add(model.Name);
            Release(connection, state, model);
            results.Add(result);
            onBuilt?.Invoke(result);
        }

        return results;
    }

    private void CheckDependenciesAvailable(List<Model> models, BuildState state)
    {
        var building = models.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var byName = catalog.Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var missing = (
            from model in models
            from dependency in model.DependsOn
            where !building.Contains(dependency) && !state.Built.Contains(dependency)
            select (Model: model, Dependency: byName[dependency])).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var reads = missing.Select(x =>
            $"{x.Model.QualifiedName} ({x.Model.Path}) reads {x.Dependency.QualifiedName} from {x.Dependency.Folder}/");
        var folders = missing.Select(x => x.Dependency.Folder).Distinct().OrderBy(ModelFolders.OrderOf);
        throw new ModelBuildException(
            $"Cannot build yet: {string.Join("; ", reads)}, which has not been built on this connection. " +
            $"Build {string.Join(", ", folders)} first or in the same call. Nothing was built.");
    }

    private void RunMacros(DuckDBConnection connection, BuildState state)
    {
        if (state.MacrosRun)
        {
            return;
        }

        foreach (var macro in catalog.Macros)
        {
            try
            {
                connection.Execute(macro.Sql);
            }
            catch (DbException ex)
            {
                throw new ModelBuildException($"Running macro file {macro.Path} failed: {ex.Message}", ex);
            }
        }

        state.MacrosRun = true;
    }
}

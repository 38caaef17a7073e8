using DuckDB.NET.Data;

namespace Pipeline.Warehouse.Models;

public sealed partial class ModelRunner
{
    /// <summary>
    /// From now on, builds on this connection give back the memory of the intermediates (temp
    /// tables) as they go: each is dropped as soon as every model and data test that reads it is
    /// done, except the <paramref name="keep"/> ones the caller reads after the build. So that the
    /// large ones do not wait for the end, a data test that reads an intermediate runs as soon as all
    /// it reads is built; <see cref="RunTests"/> reports its result in its place with the others.
    /// </summary>
    /// <param name="connection">The connection the builds run on.</param>
    /// <param name="keep">Intermediates to keep to the end (read by the caller).</param>
    public void ReleaseIntermediates(DuckDBConnection connection, IEnumerable<string> keep)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keep);
        states.GetOrCreateValue(connection).Keep = keep.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// From now on, builds on this connection create the intermediates as tables of the attached
    /// database <paramref name="catalog"/> instead of temp tables: stored compressed in a file, a
    /// large build's intermediates take a fraction of the memory and are read back rather than
    /// spilled. The caller attaches it, puts its main schema on the search path (the models name
    /// intermediates without a schema), and detaches and deletes it after the build.
    /// </summary>
    /// <param name="connection">The connection the builds run on.</param>
    /// <param name="catalog">The attached database's name, a plain identifier.</param>
    public void StoreIntermediatesIn(DuckDBConnection connection, string catalog)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!System.Text.RegularExpressions.Regex.IsMatch(catalog, "^[A-Za-z_][A-Za-z0-9_]*$"))
        {
            throw new ArgumentException($"'{catalog}' is not a plain identifier.", nameof(catalog));
        }

        states.GetOrCreateValue(connection).IntermediatesCatalog = catalog;
    }

    private void Release(DuckDBConnection connection, BuildState state, Model built)
    {
        if (state.Keep is null)
        {
            return;
        }

        foreach (var test in catalog.DataTests)
        {
            if (!state.EarlyTests.ContainsKey(test.Name)
                && test.Reads.Any(IsIntermediate)
                && test.Reads.All(state.Built.Contains))
            {
                state.EarlyTests[test.Name] = RunTest(connection, test);
            }
        }

        foreach (var name in built.DependsOn.Where(IsIntermediate))
        {
            if (state.Keep.Contains(name) || state.Dropped.Contains(name))
            {
                continue;
            }

            var done = catalog.Models.Where(m => m.DependsOn.Contains(name)).All(m => state.Built.Contains(m.Name))
                && catalog.DataTests.Where(t => t.Reads.Contains(name)).All(t => state.EarlyTests.ContainsKey(t.Name));
            if (done)
            {
                connection.Execute($"drop table if exists {state.IntermediatesCatalog ?? "temp"}.main.{name}");
                state.Dropped.Add(name);
            }
        }
    }

    private bool IsIntermediate(string name) =>
        catalog.Models.Any(m => m.Name == name && m.Folder == ModelFolders.Intermediate);
}

using System.Text.RegularExpressions;

namespace Pipeline.Warehouse.Models;

/// <summary>Everything under a sql root: macros, models in dependency order, and data tests.</summary>
internal sealed partial record ModelCatalog(
    IReadOnlyList<MacroFile> Macros,
    IReadOnlyList<Model> Models,
    IReadOnlyList<DataTest> DataTests)
{
    public static ModelCatalog Load(string sqlRoot)
    {
        var root = Path.GetFullPath(sqlRoot);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException(
                $"SQL root '{root}' does not exist. Expected a folder with {string.Join("/, ", ModelFolders.All)}/ and tests/ inside.");
        }

        var macros = SqlFiles(root, ModelFolders.Macros)
            .Select(path => new MacroFile(path, File.ReadAllText(path)))
            .ToList();

        var sources = ModelFolders.All
            .SelectMany(folder => SqlFiles(root, folder).Select(path => (Folder: folder, Path: path)))
            .Select(f => (f.Folder, f.Path, Name: ModelName(f.Path), Source: SqlSourceParser.Parse(f.Path, File.ReadAllText(f.Path), "model")))
            .ToList();

        CheckUniqueNames(sources.Select(s => (s.Name, s.Path)));

        var known = sources.ToDictionary(s => s.Name, s => (s.Name, s.Folder), StringComparer.OrdinalIgnoreCase);
        var models = sources
            .Select(s => new Model(s.Name, s.Folder, s.Path, s.Source.Query, Dependencies(s.Name, s.Path, s.Source, known), s.Source.Documentation))
            .ToList();

        var dataTests = SqlFiles(root, ModelFolders.Tests)
            .Select(path => (Path: path, Name: Path.GetFileNameWithoutExtension(path), Source: SqlSourceParser.Parse(path, File.ReadAllText(path), "data test")))
            .Select(t => new DataTest(t.Name, t.Path, t.Source.Query, Dependencies(t.Name, t.Path, t.Source, known)))
            .ToList();

        return new ModelCatalog(macros, DependencyOrder.Sort(models), dataTests);
    }

    private static IEnumerable<string> SqlFiles(string root, string folder)
    {
        var directory = Path.Combine(root, folder);
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.sql", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal)
            : [];
    }

    private static string ModelName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (!IdentifierPattern().IsMatch(name))
        {
            throw new ModelDefinitionException(
                $"{path}: the model name '{name}' (the file name) must be a plain SQL identifier: a letter or underscore, then letters, digits or underscores. Rename the file.");
        }

        return name;
    }

    private static void CheckUniqueNames(IEnumerable<(string Name, string Path)> models)
    {
        var duplicate = models
            .GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ModelDefinitionException(
                $"Model name '{duplicate.Key}' is used by more than one file: {string.Join(" and ", duplicate.Select(m => m.Path))}. " +
                "Model names (file names) must be unique across staging, intermediate, core and marts; rename one.");
        }
    }

    /// <summary>
    /// A staging or intermediate model <c>x</c> is referenced by the bare name <c>x</c> (not after a dot);
    /// a core or marts model by <c>core.x</c> / <c>marts.x</c>. Declared <c>-- depends_on:</c> names must be models.
    /// </summary>
    private static List<string> Dependencies(
        string name, string path, ParsedSource source, Dictionary<string, (string Name, string Folder)> known)
    {
        var found = new List<string>();
        foreach (var (schema, reference) in source.References)
        {
            if (!known.TryGetValue(reference, out var model) || model.Name == name)
            {
                continue;
            }

            var matches = schema is null
                ? !ModelFolders.IsPublished(model.Folder)
                : ModelFolders.IsPublished(model.Folder) && string.Equals(schema, ModelFolders.SchemaOf(model.Folder), StringComparison.OrdinalIgnoreCase);
            if (matches)
            {
                found.Add(model.Name);
            }
        }

        foreach (var (declared, line) in source.DeclaredDependencies)
        {
            var bare = declared[(declared.LastIndexOf('.') + 1)..];
            if (!known.TryGetValue(bare, out var model))
            {
                throw new ModelDefinitionException(
                    $"{path} line {line}: depends_on names '{declared}', but there is no model of that name. " +
                    "Models are the .sql files under staging/, intermediate/, core/ and marts/; fix the name or remove it.");
            }

            found.Add(model.Name);
        }

        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}

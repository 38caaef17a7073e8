using System.Globalization;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Cli;

/// <summary>A command and its <c>--name value</c> options, checked against what the command takes.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> _options;

    private Arguments(string command, Dictionary<string, string> options)
    {
        Command = command;
        _options = options;
    }

    public string Command { get; }

    public static Arguments Parse(string[] args, IReadOnlyDictionary<string, string[]> commands)
    {
        var command = args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal) ? "demo" : args[0];
        if (command is "help" or "-h")
            command = "help";
        if (!commands.TryGetValue(command, out var known))
            throw new InputException($"Unknown command \"{command}\". Commands: {string.Join(", ", commands.Keys)}. Run ./run-etl.sh help.");
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = command == "demo" && (args.Length == 0 || args[0] != "demo") ? 0 : 1; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
                return new Arguments("help", []);
            if (!name.StartsWith("--", StringComparison.Ordinal) || !known.Contains(name[2..]))
                throw new InputException($"\"{name}\" is not an option of {command}. It takes: {string.Join(", ", known.Select(k => "--" + k))}.");
            if (Switches.Contains(name[2..]))
            {
                options[name[2..]] = "true";
                continue;
            }
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new InputException($"Option {name} needs a value.");
            options[name[2..]] = args[++i];
        }
        return new Arguments(command, options);
    }

    /// <summary>Options that take no value: present or not.</summary>
    public static readonly IReadOnlySet<string> Switches = new HashSet<string>(StringComparer.Ordinal) { "allow-shrink", "replay", "once" };

    public string? Get(string name) => _options.GetValueOrDefault(name);

    /// <summary>Whether a switch (an option without a value) was given.</summary>
    public bool Switch(string name) => _options.ContainsKey(name);

    public string Required(string name) =>
        Get(name) ?? throw new InputException($"{Command} needs --{name}. Run ./run-etl.sh help.");

    public DateOnly? Date(string name)
    {
        var text = Get(name);
        if (text is null)
            return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InputException($"--{name} \"{text}\" is not a date; write it as YYYY-MM-DD, e.g. 2026-11-30.");
    }

    public int Int(string name, int fallback, int min)
    {
        var text = Get(name);
        if (text is null)
            return fallback;
        return int.TryParse(text.Replace(",", "").Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new InputException($"--{name} \"{text}\" is not a whole number of at least {min}.");
    }
}

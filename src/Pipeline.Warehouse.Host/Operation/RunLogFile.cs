using System.Globalization;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// The JSON-lines log file of the current run (of <c>run</c>) or tick (of <c>schedule</c>):
/// <c>&lt;folder&gt;/run-&lt;UTC start, yyyyMMddTHHmmssZ&gt;.jsonl</c>. Lines logged while no file is
/// open go to the console only. Each line is flushed as it is written, so a killed run leaves
/// whole lines.
/// </summary>
public sealed class RunLogFile : IDisposable
{
    private readonly Lock _gate = new();
    private StreamWriter? _writer;

    /// <summary>The file being written; null between runs.</summary>
    public string? Path { get; private set; }

    public bool IsOpen => _writer is not null;

    /// <summary>Starts a new file for a run that starts now; disposing the result closes it.</summary>
    public IDisposable Open(string folder, DateTimeOffset started)
    {
        Directory.CreateDirectory(folder);
        var stamp = started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var path = System.IO.Path.Combine(folder, $"run-{stamp}.jsonl");
        for (var n = 2; File.Exists(path); n++)
            path = System.IO.Path.Combine(folder, $"run-{stamp}-{n}.jsonl");
        var writer = new StreamWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read), new System.Text.UTF8Encoding(false));
        lock (_gate)
        {
            Close();
            _writer = writer;
            Path = path;
        }
        return new Closer(this, writer);
    }

    public void Write(string line)
    {
        lock (_gate)
        {
            if (_writer is null)
                return;
            _writer.Write(line);
            _writer.Write('\n');
            _writer.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
            Close();
    }

    private void Close()
    {
        _writer?.Dispose();
        _writer = null;
        Path = null;
    }

    /// <summary>Closes its file, unless a newer run has opened another one since.</summary>
    private sealed class Closer(RunLogFile owner, StreamWriter writer) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
                if (ReferenceEquals(owner._writer, writer))
                    owner.Close();
        }
    }
}

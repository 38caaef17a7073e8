using Microsoft.Extensions.Logging;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>The logging provider that writes every entry as one JSON line into the open <see cref="RunLogFile"/>.</summary>
[ProviderAlias("JsonLines")]
public sealed class JsonLinesLoggerProvider(RunLogFile file) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new JsonLinesLogger(categoryName, file);

    public void Dispose()
    {
    }
}

namespace Pipeline.Warehouse.Reports.Benchmarks;

/// <summary>A benchmark file the user can fix: the message names the file, line, column and what it expects.</summary>
public sealed class BenchmarkFileException(string message) : Exception(message);

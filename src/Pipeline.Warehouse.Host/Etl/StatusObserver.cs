using Pipeline.Warehouse.Models;
using Spectre.Console;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>Shows the run's current step on a terminal (a Spectre.Console status line).</summary>
public sealed class StatusObserver(StatusContext status) : IRunObserver
{
    public void DialectChosen(string dialect, string reason) =>
        AnsiConsole.MarkupLine($"[blue]dialect[/] {Markup.Escape(dialect)} [grey]({Markup.Escape(reason)})[/]");

    public void PhaseStarted(string phase) => status.Status($"{Markup.Escape(phase)}...");

    public void PhaseFinished(string phase, TimeSpan elapsed) =>
        AnsiConsole.MarkupLine($"[green]done[/] {Markup.Escape(phase)} [grey]({elapsed.TotalSeconds:0.0} s)[/]");

    public void FileLoaded(string file, long rows, bool slowPath, TimeSpan elapsed) =>
        status.Status($"load files... {Markup.Escape(file)}: {rows:N0} rows");

    public void ModelBuilt(ModelResult model) =>
        status.Status($"build models... {Markup.Escape(model.QualifiedName)}");
}

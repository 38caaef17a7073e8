using Pipeline.Warehouse.Host.Cli;
using Pipeline.Warehouse.Ingest;

try
{
    var arguments = Arguments.Parse(args, Commands.Options);
    return arguments.Command switch
    {
        "help" => Commands.Help(),
        "generate" => Commands.Generate(arguments),
        "reports" => Commands.Reports(arguments),
        "export" => Commands.Export(arguments),
        "bench" => Commands.Bench(arguments),
        "bench-reports" => Commands.BenchReports(arguments),
        "bench-forecast" => Commands.BenchForecast(arguments),
        "check-nights" => await Commands.CheckNights(arguments),
        "bench-history" => Commands.BenchHistory(arguments),
        "schedule" => await Commands.ScheduleAsync(arguments),
        _ => await Commands.RunAsync(arguments),
    };
}
catch (InputException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return ExitCodes.BadInput;
}

// An analyst's session held open in another process: opens the warehouse file read-only once,
// prints "open", then answers each line on stdin with "<latest load_id> <deals in core.fact_deal>"
// read through that same connection, until stdin ends or says "quit".
using DuckDB.NET.Data;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: reader-session <warehouse.duckdb>");
    return 2;
}
var builder = new DuckDBConnectionStringBuilder { DataSource = args[0] };
builder["ACCESS_MODE"] = "READ_ONLY";
using var connection = new DuckDBConnection(builder.ConnectionString);
connection.Open();
Console.WriteLine("open");
while (Console.ReadLine() is { } line && line != "quit")
{
    using var command = connection.CreateCommand();
    command.CommandText = "select (select max(load_id) from meta.etl_run) || ' ' || (select count(*) from core.fact_deal)";
    Console.WriteLine(command.ExecuteScalar());
}
return 0;

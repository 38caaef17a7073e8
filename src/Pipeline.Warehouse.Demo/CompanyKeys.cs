namespace Pipeline.Warehouse.Demo;

/// <summary>
/// The account (Salesforce) or company (HubSpot) rows a dialect references. A deal's region is its
/// seller's and its size comes from the account, so a row is keyed by (account, region, employee
/// count as written), each key getting its own id, prefix and running number, in first-use order.
/// </summary>
internal sealed class CompanyKeys(string prefix)
{
    private readonly Dictionary<(int Account, int Region, int Employees), byte[]> ids = [];
    private readonly List<(int Account, int Region, int Employees, byte[] Id)> rows = [];

    /// <summary>The keys in first-use order with their CSV-encoded ids; <c>Employees</c> is -1 when the size is empty.</summary>
    public IReadOnlyList<(int Account, int Region, int Employees, byte[] Id)> Rows => rows;

    /// <summary>The CSV-encoded id of the key, given a new one on first use.</summary>
    public byte[] Id(int account, int region, int employees)
    {
        if (!ids.TryGetValue((account, region, employees), out byte[]? id))
        {
            id = CsvText.Field(prefix + (rows.Count + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
            ids.Add((account, region, employees), id);
            rows.Add((account, region, employees, id));
        }

        return id;
    }

    /// <summary>
    /// Writes one row per key: id, then <paramref name="afterId"/> when given (Salesforce's IsDeleted), account name,
    /// country, employee count (empty when unknown) and industry (empty).
    /// </summary>
    public void WriteRows(string path, string[] columns, AccountBook accounts, ExportFields fields, byte[]? afterId)
    {
        using var file = new CsvSink(path, bufferSize: 1 << 16);
        file.Reserve(1024);
        file.Append(CsvText.Line(columns));
        foreach ((int account, int region, int employees, byte[] id) in rows)
        {
            file.Reserve(1024);
            file.Append(id);
            file.Comma();
            if (afterId is not null)
            {
                file.Append(afterId);
                file.Comma();
            }

            file.Append(accounts.Names[account]);
            file.Comma();
            file.Append(fields.Countries[region]);
            file.Comma();
            if (employees >= 0)
            {
                file.AppendInteger(employees);
            }

            file.Comma();
            file.EndRow();
        }
    }
}

namespace Pipeline.Warehouse.Reports.Tests.Fixtures;

/// <summary>
/// A small warehouse whose reporting currency is EUR (config "reportingCurrency"), with whole and
/// fractional amounts, and a four-stage pipeline of its own (Prospecting, Engaging, Won, Lost: the
/// public "CRM Sales Opportunities" shape, mapped by the config's stageMap); the scorecards written from it.
/// </summary>
public sealed class EuroWarehouse : BuiltWarehouse
{
    public EuroWarehouse()
    {
        var config = Path.Combine(Root, "config.json");
        File.WriteAllText(config, """
            {
              "reportingCurrency": "EUR",
              "stageMap": { "Prospecting": "lead", "Engaging": "opportunity", "Won": "closed_won", "Lost": "closed_lost" }
            }
            """);
        File.WriteAllText(Path.Combine(Input, "reps.csv"),
            "rep_id,rep_name,email,manager_id,team,region,active\n"
            + "R1,Ann Lee,r1@example.com,,East,EMEA,true\n"
            + "R2,Bob Roe,r2@example.com,,East,EMEA,true\n");
        File.WriteAllText(Path.Combine(Input, "deals.csv"),
            "deal_id,deal_name,rep_id,account_name,region,product,company_size,lead_type,amount,currency,created_at,expected_close_date,stage,loss_reason\n"
            + "D1,Won one,R1,Acme,EMEA,Core,smb,inbound,1234567,,2026-06-01,2026-11-15,Won,\n"
            + "D2,Lost one,R1,Beta,EMEA,Core,smb,referral,500,,2026-05-01,2026-11-20,Lost,Price\n"
            + "D3,Open one,R1,Gamma,EMEA,Core,smb,inbound,1234.50,,2026-10-01,2026-12-10,Engaging,\n"
            + "D4,Open two,R2,Delta,EMEA,Core,mid_market,mql,300,,2026-09-01,2027-01-15,Prospecting,\n");
        File.WriteAllText(Path.Combine(Input, "stage_history.csv"),
            "deal_id,stage,entered_at,rep_id,amount,expected_close_date\n"
            + "D1,Prospecting,2026-06-01,,,\nD1,Engaging,2026-07-01,,,\nD1,Won,2026-11-15,,,\n"
            + "D2,Prospecting,2026-05-01,,,\nD2,Engaging,2026-06-01,,,\nD2,Lost,2026-11-20,,,\n"
            + "D3,Prospecting,2026-10-01,,,\nD3,Engaging,2026-10-15,,,\n"
            + "D4,Prospecting,2026-09-01,,,\n");
        Build(config);
    }
}

namespace Pipeline.Warehouse.Reports.Tests.Fixtures;

/// <summary>
/// Exports whose dates and references contradict each other but load (INPUTS.md "Bad input"): D1 was
/// closed won (history) a month before it was created; D3's history starts before its creation; R2's
/// manager_id R9 names no rep. D2 is consistent.
/// </summary>
public sealed class ContradictionsWarehouse : BuiltWarehouse
{
    public ContradictionsWarehouse()
    {
        File.WriteAllText(Path.Combine(Input, "reps.csv"),
            "rep_id,rep_name,email,manager_id,team,region,active\n"
            + "R1,Ann Lee,r1@example.com,,East,EMEA,true\n"
            + "R2,Bob Roe,r2@example.com,R9,East,EMEA,true\n");
        File.WriteAllText(Path.Combine(Input, "deals.csv"),
            "deal_id,deal_name,rep_id,account_name,region,product,company_size,lead_type,amount,currency,created_at,expected_close_date,stage,loss_reason\n"
            + "D1,Early close,R1,Acme,EMEA,Core,smb,inbound,1000,,2026-06-01,2026-06-15,closed_won,\n"
            + "D2,Fine,R1,Beta,EMEA,Core,smb,inbound,500,,2026-05-01,2026-08-20,demo,\n"
            + "D3,Early history,R2,Gamma,EMEA,Core,smb,inbound,700,,2026-03-01,2026-11-10,opportunity,\n");
        File.WriteAllText(Path.Combine(Input, "stage_history.csv"),
            "deal_id,stage,entered_at\n"
            + "D1,lead,2026-04-20T09:00:00Z\n"
            + "D1,closed_won,2026-05-01T10:00:00Z\n"
            + "D2,lead,2026-05-01\n"
            + "D2,demo,2026-06-01\n"
            + "D3,lead,2026-02-01\n"
            + "D3,opportunity,2026-03-15\n");
        Build();
    }
}

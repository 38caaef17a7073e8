namespace Pipeline.Warehouse.Reports.Tests.Fixtures;

/// <summary>
/// Hand-written exports for the edge cases: R1 (named "../../etc/passwd") owns deals whose names,
/// accounts and loss reasons look like formulas; R2 ("Zoë O'Neil", same team) has open deals only,
/// so no closed deal; R3 is alone in team "Solo" (a team of one). No rep has a coaching flag.
/// </summary>
public sealed class EdgeCaseWarehouse : BuiltWarehouse
{
    public const string FormulaDeal = "=HYPERLINK(\"http://x\",\"y\")";
    public const string PlusAccount = "+1+1";
    public const string AtLossReason = "@SUM(A1)";

    public EdgeCaseWarehouse()
    {
        File.WriteAllText(Path.Combine(Input, "reps.csv"),
            "rep_id,rep_name,email,manager_id,team,region,active\n"
            + "R1,../../etc/passwd,r1@example.com,,East,EMEA,true\n"
            + "R2,Zoë O'Neil,r2@example.com,,East,EMEA,true\n"
            + "R3,Solo Rep,r3@example.com,,Solo,APAC,true\n");
        File.WriteAllText(Path.Combine(Input, "deals.csv"),
            "deal_id,deal_name,rep_id,account_name,region,product,company_size,lead_type,amount,currency,created_at,expected_close_date,stage,loss_reason\n"
            + "D1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",R1,+1+1,EMEA,Core,smb,inbound,1000,,2026-06-01,2026-09-15,closed_won,\n"
            + "D2,-2+3,R1,@SUM(A1),EMEA,Core,smb,referral,500,,2026-05-01,2026-08-20,closed_lost,@SUM(A1)\n"
            + "D3,Open one,R1,Acme,EMEA,Core,smb,inbound,700,,2026-10-01,2026-11-10,demo,\n"
            + "D4,Zoë's first,R2,Beta,EMEA,Core,smb,mql,300,,2026-09-01,2027-01-15,opportunity,\n"
            + "D5,Solo deal,R3,Gamma,APAC,Core,smb,event,900,,2026-10-15,2026-12-20,negotiation,\n");
        Build();
    }
}

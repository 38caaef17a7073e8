namespace Pipeline.Warehouse.Reports.Tests.Fixtures;

/// <summary>
/// A team "North" of three current reps as of 2026-11-30: R1 (Ann Lee) has a quota for the quarter,
/// a deal won in November, one lost and one open; R2 (Ben Roe) has no deals at all; R3 (Cy Dee) is
/// marked inactive in reps.csv yet still owns an open deal. The scorecards written from it.
/// </summary>
public sealed class RosterWarehouse : BuiltWarehouse
{
    public RosterWarehouse()
    {
        File.WriteAllText(Path.Combine(Input, "reps.csv"),
            "rep_id,rep_name,email,manager_id,team,region,active\n"
            + "R1,Ann Lee,r1@example.com,,North,EMEA,true\n"
            + "R2,Ben Roe,r2@example.com,,North,EMEA,true\n"
            + "R3,Cy Dee,r3@example.com,,North,EMEA,false\n");
        File.WriteAllText(Path.Combine(Input, "quotas.csv"),
            "rep_id,period_start,period_end,quota\n"
            + "R1,2026-10-01,2026-12-31,9000\n");
        File.WriteAllText(Path.Combine(Input, "deals.csv"),
            "deal_id,deal_name,rep_id,account_name,region,product,company_size,lead_type,amount,currency,created_at,expected_close_date,stage,loss_reason\n"
            + "D1,Won one,R1,Acme,EMEA,Core,smb,inbound,3000,,2026-08-01,2026-11-10,closed_won,\n"
            + "D2,Lost one,R1,Beta,EMEA,Core,smb,referral,500,,2026-07-01,2026-10-20,closed_lost,Price\n"
            + "D3,Open one,R1,Gamma,EMEA,Core,smb,inbound,4500,,2026-10-01,2026-12-20,negotiation,\n"
            + "D4,Orphaned,R3,Delta,EMEA,Core,smb,mql,1200,,2026-09-01,2026-12-15,demo,\n");
        Build();
    }
}

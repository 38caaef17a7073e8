using System.Text;

namespace Pipeline.Warehouse.Reports.Tests.Fixtures;

/// <summary>
/// One rep in team "../Ops" with 12 deals that spent 2 days in demo (so demo has a duration
/// baseline) and one deal stuck in demo for 60 days: stalled, with a very long name holding a
/// formula and a PDF operator string, and an account that looks like PDF syntax.
/// </summary>
public sealed class UntrustedNamesWarehouse : BuiltWarehouse
{
    public const string StalledName = "=cmd|' /C calc'!A0 <b>bold</b> (x) Tj ET " + "Very long deal name that cannot fit its column in any table of the report at all";
    public const string StalledAccount = "%PDF-1.7 ) Tj ET << /Type /Page >>";

    public UntrustedNamesWarehouse()
    {
        File.WriteAllText(Path.Combine(Input, "reps.csv"),
            "rep_id,rep_name,email,manager_id,team,region,active\nR1,Night Owl,r1@example.com,,../Ops,EMEA,true\n");
        var deals = new StringBuilder("deal_id,deal_name,rep_id,account_name,region,product,company_size,lead_type,amount,currency,created_at,expected_close_date,stage,loss_reason\n");
        var history = new StringBuilder("deal_id,stage,entered_at,rep_id,amount,expected_close_date\n");
        for (var i = 1; i <= 12; i++)
        {
            deals.Append($"D{i:00},Deal {i},R1,Acme,EMEA,Core,smb,inbound,100,,2026-09-01,2027-01-31,negotiation,\n");
            history.Append($"D{i:00},lead,2026-09-01T00:00:00Z,R1,,\nD{i:00},demo,2026-09-02T00:00:00Z,R1,,\nD{i:00},negotiation,2026-09-04T00:00:00Z,R1,,\n");
        }
        deals.Append($"DX,\"{StalledName.Replace("\"", "\"\"")}\",R1,\"{StalledAccount}\",EMEA,Core,smb,inbound,5000,,2026-10-01,2027-01-31,demo,\n");
        history.Append("DX,lead,2026-10-01T00:00:00Z,R1,,\nDX,demo,2026-10-02T00:00:00Z,R1,,\n");
        File.WriteAllText(Path.Combine(Input, "deals.csv"), deals.ToString());
        File.WriteAllText(Path.Combine(Input, "stage_history.csv"), history.ToString());
        Build();
    }
}

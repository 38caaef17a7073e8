-- The roster every report is written for (marts.report_reps). Grain: rep.
select rep_id, rep_name, team, region, is_active, deals, open_deals, open_amount, has_recent_deals, is_inactive_with_open_deals
from marts.report_reps
order by team, rep_name, rep_id

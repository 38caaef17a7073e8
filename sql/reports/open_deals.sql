-- Open deals of a rep ($rep_id, or '' for any), of a team ($team, or '' for any), stalled only when
-- $stalled, largest first then longest in their stage, at most $limit (marts.open_deals). Grain: deal.
select deal_id, deal_name, account_name, rep_name, team, stage, stage_order, days_in_stage, amount, expected_close_date, is_stalled, is_overdue, lead_type
from marts.open_deals
where ($rep_id = '' or rep_id = $rep_id)
    and ($team = '' or team = $team)
    and (not $stalled or is_stalled)
order by amount desc nulls last, days_in_stage desc nulls last, deal_id
limit $limit

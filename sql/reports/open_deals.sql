-- Open deals of every rep (when $company) or of the reps in $reps, stalled only when $stalled,
-- largest first then longest in their stage, at most $limit (marts.open_deals). Grain: deal.
select deal_id, deal_name, account_name, rep_id, rep_name, team, stage, stage_order, days_in_stage, amount, expected_close_date, is_stalled, is_overdue, lead_type
from marts.open_deals
where ($company or rep_id in (select unnest($reps)))
    and (not $stalled or is_stalled)
order by amount desc nulls last, days_in_stage desc nulls last, deal_id
limit $limit

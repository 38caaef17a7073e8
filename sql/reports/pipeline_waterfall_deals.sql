-- The largest deals behind each movement of the current month and quarter's waterfall of the
-- company (when $company) and of the teams in $teams, at most $limit per movement
-- (marts.pipeline_waterfall_deals). Grain: scope, period_type, movement, deal.
select scope_type, scope, period_type, period_start, movement, movement_order, rank, deal_id, deal_name, rep_name, team, stage,
    amount, amount_at_start, amount_at_exit, close_date_at_start, close_date_at_exit, closed_at, is_deleted
from marts.pipeline_waterfall_deals
where period = 'current'
    and case scope_type when 'company' then $company else scope in (select unnest($teams)) end
    and rank <= $limit
order by scope_type, scope, period_type desc, movement_order, rank

-- How the pipeline of each month and quarter moved, for the company (when $company) and the teams
-- in $teams, movement by movement with the bars of its bridge chart (marts.pipeline_waterfall).
-- Grain: period, scope, movement.
select period_type, period_start, period_end, period, scope_type, scope, team, movement, movement_order,
    deals, amount, effect, bar_from, bar_to, through_date, is_complete, start_source, end_source
from marts.pipeline_waterfall
where case scope_type when 'company' then $company else scope in (select unnest($teams)) end
order by period_type desc, period_start desc, scope_type, scope, movement_order

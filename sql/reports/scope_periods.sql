-- This month, this quarter and the trailing 12 months of every scope (marts.scope_periods). Grain: scope, period.
select * from marts.scope_periods order by scope_type, team, rep_id, period_order

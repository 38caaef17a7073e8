-- Monthly figures of every scope (marts.scope_monthly). Grain: scope, month.
select * from marts.scope_monthly order by scope_type, team, rep_id, month

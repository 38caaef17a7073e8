/*
description: Every scope a report shows, whether or not it has deals: the company, each team of a
  current rep and each current rep (core.dim_rep, is_current), so a rep without deals still has
  rows (of zeros) in the scoped marts. Grain: scope_type, team, rep_id.
columns:
  scope_type: company, team or rep.
  team: The team; NULL for the company (and for a rep without a team).
  rep_id: The rep; NULL for the company and team rows.
*/
select 'company' as scope_type, cast(null as varchar) as team, cast(null as varchar) as rep_id

union all

select distinct 'team', team, cast(null as varchar)
from core.dim_rep
where is_current and team is not null

union all

select 'rep', team, rep_id
from core.dim_rep
where is_current

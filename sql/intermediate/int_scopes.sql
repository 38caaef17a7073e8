/*
description: The readers' scopes, whether or not they have deals: the company (team and rep_id
  NULL), each team a current rep of core.dim_rep belongs to (rep_id NULL), and each current rep
  (with its current team), so a rep without deals still has rows (of zeros) in the scoped marts.
  scope_id names the scope within its type: '' for the company, the team, or the rep_id.
  Grain: scope_type, scope_id.
*/
select 'company' as scope_type, '' as scope_id, cast(null as varchar) as team, cast(null as varchar) as rep_id
union all
select distinct 'team', team, team, cast(null as varchar) from core.dim_rep where is_current and team is not null
union all
select 'rep', rep_id, team, rep_id from core.dim_rep where is_current

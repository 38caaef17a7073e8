-- marts.velocity_by_scope has, for each of the three points, one row per scope and segment: the
-- company and every current team with segment all and each segment value seen among their deals,
-- every current rep with segment all only; and a team's open opportunities and closes sum its reps'.
with scopes as (
    select 'company' as scope_type, cast(null as varchar) as team, cast(null as varchar) as rep_id
    union all select distinct 'team', team, null from core.dim_rep where is_current
    union all select 'rep', team, rep_id from core.dim_rep where is_current
),

-- The segment values seen among each owner's deals, then added to the owner's scopes (the company,
-- the owner's current team): the scopes' values without a row per deal and scope.
owner_segments as (
    select distinct deals.rep_id, segments.segment_type, segments.segment_value
    from core.fact_deal as deals
    join int_deal_segments as segments using (deal_id)
),

scope_segments as (
    select 'company' as scope_type, cast(null as varchar) as team, segment_type, segment_value
    from owner_segments
    union
    select 'team', reps.team, owner_segments.segment_type, owner_segments.segment_value
    from owner_segments
    join core.dim_rep as reps on reps.rep_id = owner_segments.rep_id and reps.is_current
),

expected as (
    select scopes.scope_type, scopes.team, scopes.rep_id, 'all' as segment_type, 'all' as segment_value, points.point
    from scopes
    cross join (values ('as_of'), ('latest_month_end'), ('prior_month_end')) as points(point)
    union
    select scope_segments.scope_type, scope_segments.team, null, scope_segments.segment_type, scope_segments.segment_value, points.point
    from scope_segments
    cross join (values ('as_of'), ('latest_month_end'), ('prior_month_end')) as points(point)
),

actual as (
    select scope_type, team, rep_id, segment_type, segment_value, point, count(*) as rows
    from marts.velocity_by_scope
    group by all
),

rep_sums as (
    select team, point, sum(open_opportunities) as open_opportunities, sum(closed_in_window) as closed, sum(won_in_window) as won
    from marts.velocity_by_scope
    where scope_type = 'rep'
    group by all
)

select expected.*, actual.rows, null as team_open, null as reps_open
from expected
full join actual
    on actual.scope_type = expected.scope_type
    and actual.team is not distinct from expected.team
    and actual.rep_id is not distinct from expected.rep_id
    and actual.segment_type = expected.segment_type
    and actual.segment_value = expected.segment_value
    and actual.point = expected.point
where actual.rows is distinct from 1 or expected.scope_type is null
union all
select teams.scope_type, teams.team, null, 'all', 'all', teams.point, null, teams.open_opportunities, rep_sums.open_opportunities
from marts.velocity_by_scope as teams
join rep_sums using (team, point)
where teams.scope_type = 'team' and teams.segment_type = 'all'
    and (teams.open_opportunities <> rep_sums.open_opportunities
        or teams.closed_in_window <> rep_sums.closed or teams.won_in_window <> rep_sums.won)

-- marts.period_attainment has, for each of the four periods (current and next month and quarter),
-- exactly one row per current rep of core.dim_rep, one per team of those reps and one company row.
with periods as (
    select * from (values ('month', 'current'), ('month', 'next'), ('quarter', 'current'), ('quarter', 'next')) as p(period_type, period)
),

expected as (
    select period_type, period, 'rep' as scope_type, team, rep_id from periods cross join core.dim_rep where is_current
    union all
    select distinct period_type, period, 'team', team, null from periods cross join core.dim_rep where is_current
    union all
    select period_type, period, 'company', null, null from periods
),

actual as (
    select period_type, period, scope_type, team, rep_id, count(*) as rows
    from marts.period_attainment
    group by all
)

select *
from expected
full join actual
    on actual.period_type = expected.period_type
    and actual.period = expected.period
    and actual.scope_type = expected.scope_type
    and actual.team is not distinct from expected.team
    and actual.rep_id is not distinct from expected.rep_id
where actual.rows is distinct from 1 or expected.period_type is null

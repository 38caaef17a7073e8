-- marts.open_pipeline_by_stage recounted from marts.open_deals at every scope (company, each team,
-- each rep with a current rep row): the same rows, deals and amounts.
with scoped as (
    select 'rep' as scope_type, team, rep_id, * exclude (team, rep_id) from marts.open_deals where team is not null
    union all
    select 'team', team, null, * exclude (team, rep_id) from marts.open_deals where team is not null
    union all
    select 'company', null, null, * exclude (team, rep_id) from marts.open_deals
),

recount as (
    select scope_type, team, rep_id, stage, stage_order, count(*) as deals, coalesce(sum(amount), 0) as amount, count(*) filter (where is_stalled) as stalled, count(*) filter (where is_overdue) as overdue
    from scoped
    group by all
)

select coalesce(a.scope_type, b.scope_type) as scope_type, coalesce(a.team, b.team) as team,
    coalesce(a.rep_id, b.rep_id) as rep_id, coalesce(a.stage, b.stage) as stage
from marts.open_pipeline_by_stage as a
full join recount as b
    on a.scope_type = b.scope_type
    and a.team is not distinct from b.team
    and a.rep_id is not distinct from b.rep_id
    and a.stage is not distinct from b.stage
where a.deals is distinct from b.deals or a.amount is distinct from b.amount or a.stage_order is distinct from b.stage_order or a.stalled is distinct from b.stalled or a.overdue is distinct from b.overdue

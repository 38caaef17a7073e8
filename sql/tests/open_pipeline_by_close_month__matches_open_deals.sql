-- marts.open_pipeline_by_close_month recounted from marts.open_deals at every scope (company, each team,
-- each rep with a current rep row): the same rows, deals and amounts.
with scoped as (
    select 'rep' as scope_type, team, rep_id, * exclude (team, rep_id) from marts.open_deals where team is not null
    union all
    select 'team', team, null, * exclude (team, rep_id) from marts.open_deals where team is not null
    union all
    select 'company', null, null, * exclude (team, rep_id) from marts.open_deals
),

recount as (
    select scope_type, team, rep_id, cast(date_trunc('month', expected_close_date) as date) as close_month, coalesce(date_trunc('month', expected_close_date) < date_trunc('month', as_of), false) as is_overdue, count(*) as deals, coalesce(sum(amount), 0) as amount
    from scoped
    group by all
)

select coalesce(a.scope_type, b.scope_type) as scope_type, coalesce(a.team, b.team) as team,
    coalesce(a.rep_id, b.rep_id) as rep_id, coalesce(a.close_month, b.close_month) as close_month
from marts.open_pipeline_by_close_month as a
full join recount as b
    on a.scope_type = b.scope_type
    and a.team is not distinct from b.team
    and a.rep_id is not distinct from b.rep_id
    and a.close_month is not distinct from b.close_month
where a.deals is distinct from b.deals or a.amount is distinct from b.amount or a.is_overdue is distinct from b.is_overdue

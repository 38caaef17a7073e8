/*
description: Win rate by region and product over the 12 complete months before T, for the company
  and each team (the health reports' heat map): sums of marts.outcomes_monthly, a team being the
  deals of its current reps. Grain: scope_type, team, region, product.
columns:
  as_of: The run's as-of date.
  scope_type: company or team.
  team: The team; NULL for the company.
  region: The deals' region.
  product: The deals' product.
  won: Deals won in the 12 months.
  closed: Deals closed (won or lost) in them.
  win_rate: won / closed; NULL when none closed.
*/
with params as (
    select as_of, cast(date_trunc('month', as_of_instant) as date) as end_month from run_params
),

outcomes as (
    select outcomes.*, reps.team
    from marts.outcomes_monthly as outcomes
    cross join params
    left join core.dim_rep as reps on reps.rep_id = outcomes.rep_id and reps.is_current
    where outcomes.month >= params.end_month - interval '12' month and outcomes.month < params.end_month
),

scoped as (
    select 'company' as scope_type, cast(null as varchar) as team, region, product, won, lost from outcomes
    union all
    select 'team', team, region, product, won, lost from outcomes where team is not null
)

select
    params.as_of,
    scope_type,
    team,
    region,
    product,
    sum(won) as won,
    sum(won + lost) as closed,
    sum(won) / nullif(sum(won + lost), 0) as win_rate
from scoped
cross join params
group by all
order by scope_type, team, region, product

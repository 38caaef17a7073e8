-- The company's waterfall is its teams' plus the deals of no team (an owner without a core.dim_rep
-- version at the cut, or without a team), movement by movement: each deal counts in one team.
with teams as (
    select period_type, period_start, movement, sum(deals) as deals, sum(amount) as amount
    from marts.pipeline_waterfall
    where scope_type = 'team'
    group by all
),

unassigned as (
    select period_type, period_start, movement, count(*) as deals, sum(amount) as amount
    from int_waterfall_deals
    where team is null
    group by all
)

select company.period_type, company.period_start, company.movement, company.deals, company.amount
from marts.pipeline_waterfall as company
left join teams using (period_type, period_start, movement)
left join unassigned using (period_type, period_start, movement)
where company.scope_type = 'company'
    and (company.deals <> coalesce(teams.deals, 0) + coalesce(unassigned.deals, 0)
        or company.amount <> coalesce(teams.amount, 0) + coalesce(unassigned.amount, 0))

-- Win rate by region and product over the 12 complete months before T ($as_of + 1 day), from
-- marts.outcomes_monthly. $team: a team's current reps, or '' for all. Grain: region, product.
with params as (
    select
        cast(date_trunc('month', cast($as_of as date) + interval 1 day) as date) as end_month,
        cast($team as varchar) as team
)

select outcomes.region, outcomes.product, sum(outcomes.won) as won, sum(outcomes.won + outcomes.lost) as closed
from marts.outcomes_monthly as outcomes
cross join params
where outcomes.month >= params.end_month - interval 12 month
    and outcomes.month < params.end_month
    and (params.team = '' or outcomes.rep_id in (select rep_id from core.dim_rep where is_current and team = params.team))
group by all
order by outcomes.region, outcomes.product

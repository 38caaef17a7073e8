-- marts.outcomes_monthly adds up to the closed deals of core.fact_deal, month by month.
with recount as (
    select
        cast(date_trunc('month', closed_at) as date) as month,
        count(*) filter (where status = 'won') as won,
        count(*) filter (where status = 'lost') as lost,
        coalesce(sum(amount) filter (where status = 'won'), 0) as amount_won
    from core.fact_deal
    where status in ('won', 'lost')
    group by all
),

outcomes as (
    select month, sum(won) as won, sum(lost) as lost, sum(amount_won) as amount_won
    from marts.outcomes_monthly
    group by all
)

select *
from recount
full join outcomes using (month)
where recount.won is distinct from outcomes.won
    or recount.lost is distinct from outcomes.lost
    or recount.amount_won is distinct from outcomes.amount_won

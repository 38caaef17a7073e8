-- The company's cells are the sums of marts.outcomes_monthly over the 12 complete months before T.
with params as (
    select cast(date_trunc('month', as_of_instant) as date) as end_month from run_params
),

outcomes as (
    select region, product, sum(won) as won, sum(won + lost) as closed
    from marts.outcomes_monthly
    cross join params
    where month >= params.end_month - interval 12 month and month < params.end_month
    group by all
)

select coalesce(matrix.region, outcomes.region) as region, coalesce(matrix.product, outcomes.product) as product
from (select * from marts.win_rate_matrix where scope_type = 'company') as matrix
full join outcomes on outcomes.region is not distinct from matrix.region and outcomes.product is not distinct from matrix.product
where matrix.won is distinct from outcomes.won or matrix.closed is distinct from outcomes.closed

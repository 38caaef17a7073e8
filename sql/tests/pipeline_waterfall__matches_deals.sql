-- The deals of marts.pipeline_waterfall_deals behind each figure of marts.pipeline_waterfall: for the
-- current month and quarter every deal (its count and sum are the figure); for a past period the 50
-- largest of each movement (least(deals, 50) of them). Each deal is ranked once per movement.
with recount as (
    select period_type, period_start, scope_type, scope, movement, count(*) as deals, sum(amount) as amount,
        max(rank) as max_rank, count(distinct deal_id) as distinct_deals
    from marts.pipeline_waterfall_deals
    group by all
)

select waterfall.period_type, waterfall.period_start, waterfall.scope, waterfall.movement, waterfall.deals, recount.deals as recounted
from marts.pipeline_waterfall as waterfall
full join recount using (period_type, period_start, scope_type, scope, movement)
where waterfall.movement is null
    or coalesce(recount.deals, 0) <> case when waterfall.period = 'current' then waterfall.deals else least(waterfall.deals, 50) end
    or (waterfall.period = 'current' and waterfall.amount <> coalesce(recount.amount, 0))
    or recount.max_rank <> recount.deals
    or recount.distinct_deals <> recount.deals

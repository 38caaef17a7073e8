-- marts.velocity (computed from the deals' timelines at T, like marts.velocity_monthly at a month
-- end) equals a recount from core.fact_deal's state at T: open deals that reached opportunity,
-- and the deals closed in [T - 365 days, T). Ratios to 1e-9, relative.
with params as (
    select as_of_instant - interval 365 days as window_start from run_params
),

recount as (
    select
        segments.segment_type,
        segments.segment_value,
        count(*) filter (where deals.status = 'open' and deals.max_stage_order >= 4) as open_opportunities,
        count(*) filter (where deals.status in ('won', 'lost') and deals.closed_at >= params.window_start) as closed,
        count(*) filter (where deals.status = 'won' and deals.closed_at >= params.window_start) as won,
        avg(deals.amount) filter (where deals.status = 'won' and deals.closed_at >= params.window_start) as avg_won_amount,
        avg(date_diff('microsecond', deals.start_at, deals.closed_at) / 86400e6) filter (where deals.status = 'won' and deals.closed_at >= params.window_start) as avg_cycle_days
    from int_deal_segments as segments
    join core.fact_deal as deals using (deal_id)
    cross join params
    group by all
)

select *
from recount
full join marts.velocity as velocity using (segment_type, segment_value)
where velocity.as_of is null
    or coalesce(recount.open_opportunities, 0) <> velocity.open_opportunities
    or coalesce(recount.closed, 0) <> velocity.closed_in_window
    or coalesce(recount.won, 0) <> velocity.won_in_window
    or (recount.avg_won_amount is null) <> (velocity.avg_won_amount is null)
    or abs(recount.avg_won_amount - velocity.avg_won_amount) > 1e-9 * greatest(1, abs(velocity.avg_won_amount))
    or (recount.avg_cycle_days is null) <> (velocity.avg_cycle_days is null)
    or abs(recount.avg_cycle_days - velocity.avg_cycle_days) > 1e-9 * greatest(1, abs(velocity.avg_cycle_days))

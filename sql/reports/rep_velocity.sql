-- Sales velocity of every current rep over the rep's own deals (METRICS.md section 5): open
-- deals at T that reached opportunity x win rate x average won amount / average won cycle, the
-- last three over the deals closed in the 365 days before T ($as_of + 1 day). Grain: rep_id.
with params as (
    select cast($as_of as date) + interval 1 day as as_of_instant
),

open_opportunities as (
    select rep_id, count(*) as open_opportunities
    from core.fact_deal
    where status = 'open' and max_stage_order >= 4
    group by rep_id
),

closed as (
    select
        deals.rep_id,
        count(*) filter (where deals.status = 'won') / count(*) as win_rate,
        avg(deals.amount) filter (where deals.status = 'won') as avg_won_amount,
        avg(deals.cycle_days) filter (where deals.status = 'won') as avg_cycle_days
    from core.fact_deal as deals
    cross join params
    where deals.status in ('won', 'lost')
        and deals.closed_at >= params.as_of_instant - interval 365 day
        and deals.closed_at < params.as_of_instant
    group by deals.rep_id
),

final as (
    select
        reps.rep_id,
        coalesce(open_opportunities.open_opportunities, 0) as open_opportunities,
        closed.win_rate,
        closed.avg_won_amount,
        closed.avg_cycle_days,
        case
            when closed.avg_cycle_days > 0
                then coalesce(open_opportunities.open_opportunities, 0) * closed.win_rate
                    * cast(closed.avg_won_amount as double) / closed.avg_cycle_days
        end as velocity_per_day
    from core.dim_rep as reps
    left join open_opportunities using (rep_id)
    left join closed using (rep_id)
    where reps.is_current
)

select * from final order by rep_id

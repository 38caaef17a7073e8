/*
description: Sales velocity per segment as of the run (METRICS.md section 5): open opportunities
  at T times the win rate, average won amount and average won cycle of the deals closed in the
  365 days before T. One row per segment type and every value seen among the deals.
  Grain: segment_type, segment_value.
columns:
  as_of: The run's as-of date.
  segment_type: all, region, product, company_size or lead_type.
  segment_value: The segment (all for type all).
  open_opportunities: Open deals at T that reached opportunity (max_stage_order >= 4).
  win_rate: Won / closed over deals closed in [T - 365 days, T); NULL when none closed.
  avg_won_amount: Mean amount of the deals won in the window (deals without an amount left out); NULL when none.
  avg_cycle_days: Mean sales cycle (closed_at - start_at) of the deals won in the window; NULL when none.
  velocity_per_day: open_opportunities * win_rate * avg_won_amount / avg_cycle_days, in currency per day; NULL where a factor is NULL or the cycle is 0.
  closed_in_window: Deals closed in the window (the win rate's denominator).
  won_in_window: Deals won in the window.
*/
with params as (
    select as_of, as_of_instant, as_of_instant - interval 365 days as window_start from run_params
),

-- Every segment seen among the deals, and the segment all even when there are none.
segments as (
    select 'all' as segment_type, 'all' as segment_value
    union
    select segment_type, segment_value from int_deal_segments
),

-- Cycles are summed in whole microseconds, so the mean does not depend on the order of the sum.
by_segment as (
    select
        segments.segment_type,
        segments.segment_value,
        count(*) filter (where deals.status = 'open' and deals.max_stage_order >= 4) as open_opportunities,
        count(*) filter (where deals.status in ('won', 'lost') and deals.closed_at >= params.window_start) as closed_in_window,
        count(*) filter (where deals.status = 'won' and deals.closed_at >= params.window_start) as won_in_window,
        avg(deals.amount) filter (where deals.status = 'won' and deals.closed_at >= params.window_start) as avg_won_amount,
        sum(epoch_us(deals.closed_at) - epoch_us(deals.start_at)) filter (where deals.status = 'won' and deals.closed_at >= params.window_start) as cycle_us_won
    from int_deal_segments as segments
    join core.fact_deal as deals using (deal_id)
    cross join params
    group by all
),

figures as (
    select
        segments.segment_type,
        segments.segment_value,
        coalesce(by_segment.open_opportunities, 0) as open_opportunities,
        coalesce(by_segment.closed_in_window, 0) as closed_in_window,
        coalesce(by_segment.won_in_window, 0) as won_in_window,
        by_segment.avg_won_amount,
        by_segment.cycle_us_won / nullif(by_segment.won_in_window, 0) / 86400e6 as avg_cycle_days
    from segments
    left join by_segment using (segment_type, segment_value)
)

select
    params.as_of,
    figures.segment_type,
    figures.segment_value,
    figures.open_opportunities,
    case when figures.closed_in_window > 0 then figures.won_in_window / figures.closed_in_window end as win_rate,
    cast(figures.avg_won_amount as double) as avg_won_amount,
    figures.avg_cycle_days,
    case when figures.closed_in_window > 0 and figures.avg_cycle_days > 0
        then figures.open_opportunities * (figures.won_in_window / figures.closed_in_window) * cast(figures.avg_won_amount as double) / figures.avg_cycle_days
    end as velocity_per_day,
    figures.closed_in_window,
    figures.won_in_window
from figures
cross join params
order by case figures.segment_type when 'all' then 0 when 'region' then 1 when 'product' then 2 when 'company_size' then 3 else 4 end, figures.segment_value

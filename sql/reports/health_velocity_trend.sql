-- Sales velocity at the end t of the latest complete month before T ($as_of + 1 day) and of the
-- month before it, for the deals of a team's ($team) current reps, or of every deal ($team = ''):
-- the definition of marts.velocity_monthly (METRICS.md section 5) with the deals filtered first.
-- Open opportunities: deals in a non-terminal entry at t that had reached opportunity by then;
-- closes: terminal entries that began in [t - 365 days, t) and were not reopened before t.
-- Grain: month.
with params as (
    select cast(date_trunc('month', cast($as_of as date) + interval 1 day) as date) as end_month, cast($team as varchar) as team
),

month_ends as (
    select cast(params.end_month - interval 1 month as date) as month, cast(params.end_month as timestamp) as month_end from params
    union all
    select cast(params.end_month - interval 2 month as date), cast(params.end_month - interval 1 month as timestamp) from params
),

scope as (
    select deals.*
    from core.fact_deal as deals
    cross join params
    where params.team = '' or deals.rep_id in (select rep_id from core.dim_rep where is_current and team = params.team)
),

entries as (
    select
        transitions.deal_id,
        transitions.stage,
        transitions.entered_at,
        coalesce(transitions.exited_at, timestamp 'infinity') as exited_at,
        max(transitions.stage_order) over (partition by transitions.deal_id order by transitions.seq rows between unbounded preceding and current row) as highest_order
    from core.fact_stage_transition as transitions
    where transitions.deal_id in (select deal_id from scope)
),

open_counts as (
    select month_ends.month, count(*) as open_opportunities
    from month_ends
    join entries on entries.entered_at < month_ends.month_end and entries.exited_at >= month_ends.month_end
    where entries.stage not in ('closed_won', 'closed_lost') and entries.highest_order >= 4
    group by month_ends.month
),

closed as (
    select
        month_ends.month,
        count(*) as closed,
        count(*) filter (where entries.stage = 'closed_won') as won,
        sum(scope.amount) filter (where entries.stage = 'closed_won') / nullif(count(scope.amount) filter (where entries.stage = 'closed_won'), 0) as avg_won_amount,
        sum(epoch_us(entries.entered_at) - epoch_us(scope.start_at)) filter (where entries.stage = 'closed_won') / nullif(count(*) filter (where entries.stage = 'closed_won'), 0) / 86400e6 as avg_cycle_days
    from month_ends
    join entries
        on entries.entered_at >= month_ends.month_end - interval 365 days
        and entries.entered_at < month_ends.month_end
        and entries.exited_at >= month_ends.month_end
    join scope using (deal_id)
    where entries.stage in ('closed_won', 'closed_lost')
    group by month_ends.month
),

final as (
    select
        month_ends.month,
        coalesce(open_counts.open_opportunities, 0) as open_opportunities,
        closed.won / closed.closed as win_rate,
        cast(closed.avg_won_amount as double) as avg_won_amount,
        closed.avg_cycle_days
    from month_ends
    left join open_counts using (month)
    left join closed using (month)
)

select
    *,
    case when avg_cycle_days > 0 then open_opportunities * win_rate * avg_won_amount / avg_cycle_days end as velocity_per_day
from final
order by month desc

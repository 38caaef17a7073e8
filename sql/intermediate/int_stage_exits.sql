/*
description: Every stage exit of every deal in core.fact_deal (METRICS.md section 4): for stage
  k in 1..8 that the deal reached (some entry of order >= k; skipped stages count as reached),
  the exit time is the first entry of order > k, or closed_at when the deal closed without one;
  a deal still sitting in k has not exited it. advanced tells whether it reached k + 1.
  Grain: deal and stage.
*/
with entries as (
    select
        deal_id,
        entered_at,
        stage_order,
        coalesce(max(stage_order) over (partition by deal_id order by seq rows between unbounded preceding and 1 preceding), 0) as previous_high
    from core.fact_stage_transition
),

-- An entry that sets a new high order o over the previous high h is the first entry of order > k
-- for every k in [h, o - 1] (k >= 1): those stages were advanced out of at its entered_at.
advanced_exits as (
    select entries.deal_id, stage_order_k as stage_order, entries.entered_at as exit_at, true as advanced
    from entries,
        unnest(range(greatest(entries.previous_high, 1), least(entries.stage_order, 9))) as ks(stage_order_k)
    where entries.stage_order > entries.previous_high
),

-- A closed deal that never got past its highest stage k <= 8 exited k, without advancing, when it closed.
closing_exits as (
    select deal_id, max_stage_order as stage_order, closed_at as exit_at, false as advanced
    from core.fact_deal
    where status in ('won', 'lost') and max_stage_order between 1 and 8
)

select deal_id, stage_order, exit_at, advanced from advanced_exits
union all
select deal_id, stage_order, exit_at, advanced from closing_exits

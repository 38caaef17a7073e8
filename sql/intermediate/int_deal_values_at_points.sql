/*
description: Each row of int_deal_states_at_points (its columns repeated, so the forecast and the
  waterfall read one table) with the amount, expected close date and owner as known at its instant
  (METRICS.md section 9 "Known then"): before T, those of the deal's latest night in
  core.fact_pipeline_snapshot whose T is at or before the instant; where there is none (and at T
  itself), the owner as exported (core.fact_deal.rep_id) and the amount and close date by the rule of
  int_deal_known_values (METRICS.md section 1): the latest stage-history row before the instant
  that carries the value (latest entered_at; at one instant the row later in the file), the amount
  converted with the deal's rate; else the export's value.
  For a won deal, or an open one that is won later, also the amount known at that win (int_deal_wins). At point T the values equal core.fact_deal's (a data
  test). Grain: point_at, deal_id.
columns:
  point_at: The instant (int_deal_states_at_points).
  deal_id: The deal.
  is_origin: As int_deal_states_at_points.
  bucket: As int_deal_states_at_points.
  stage: As int_deal_states_at_points.
  stage_order: As int_deal_states_at_points.
  stage_entered_at: As int_deal_states_at_points.
  max_stage_order: As int_deal_states_at_points.
  next_won_at: As int_deal_states_at_points.
  amount: Amount known at point_at in the reporting currency, DECIMAL(18,2); NULL when none is known.
  expected_close_date: Expected close date known at point_at.
  rep_id: The deal's owner known at point_at: the snapshot's, else as exported (core.fact_deal.rep_id; stage-history rows do not set the owner).
  won_amount: At a training instant, for a deal won later (next_won_at): the amount known at that win, DECIMAL(18,2).
*/
-- The values known at each instant, in one ordered pass per deal: the instants and the rows that
-- set a value (history rows with an amount or a close date, nights' snapshots) sorted by time,
-- each instant taking the latest of each before it. At one time a snapshot comes before the instant
-- (known from its T on) and a history row after it (it counts only once entered before the
-- instant); history rows of one time in file order, so the later row's value wins
-- (as int_deal_amount_rows and int_deal_known_values read them).
-- A night's snapshot is known from that night's T, the start of the next day.
with snapshots as (
    select deal_id, cast(snapshot_date + 1 as timestamp) as known_from,
        {'amount': amount, 'expected_close_date': expected_close_date, 'rep_id': rep_id} as night
    from core.fact_pipeline_snapshot
    where status <> 'deleted'
),

events as (
    select deal_id, point_at as event_at, 1 as tie, 0 as ordinal, point_at,
        cast(null as decimal(18, 2)) as history_amount, cast(null as date) as history_close_date, null as night
    from int_deal_states_at_points
    union all
    select deal_id, entered_at, 2, ordinal, null, amount, expected_close_date, null
    from int_stage_history
    where amount is not null or expected_close_date is not null
    union all
    select deal_id, known_from, 0, 0, null, null, null, night
    from snapshots
),

known as (
    select deal_id, point_at,
        last_value(history_amount ignore nulls) over latest as history_amount,
        last_value(history_close_date ignore nulls) over latest as history_close_date,
        last_value(night ignore nulls) over latest as night
    from events
    window latest as (partition by deal_id order by event_at, tie, ordinal rows between unbounded preceding and current row)
    qualify point_at is not null
),

with_known as (
    select
        states.*,
        known.history_amount,
        known.history_close_date,
        known.night is not null and states.point_at < (select as_of_instant from run_params) as from_snapshot,
        known.night.amount as snapshot_amount,
        known.night.expected_close_date as snapshot_close_date,
        known.night.rep_id as snapshot_rep_id,
        deals.amount as export_amount,
        deals.expected_close_date as export_close_date,
        deals.rep_id as export_rep_id,
        deals.exchange_rate
    from int_deal_states_at_points as states
    join known using (point_at, deal_id)
    join int_deals as deals using (deal_id)
)

select
    states.point_at,
    states.deal_id,
    states.is_origin,
    states.bucket,
    states.stage,
    states.stage_order,
    states.stage_entered_at,
    states.max_stage_order,
    states.next_won_at,
    case when states.from_snapshot then states.snapshot_amount
        else coalesce(cast(round(states.history_amount * states.exchange_rate, 2) as decimal(18, 2)), states.export_amount) end as amount,
    case when states.from_snapshot then states.snapshot_close_date
        else coalesce(states.history_close_date, states.export_close_date) end as expected_close_date,
    case when states.from_snapshot then states.snapshot_rep_id else states.export_rep_id end as rep_id,
    wins.amount as won_amount
from with_known as states
left join int_deal_wins as wins
    on wins.deal_id = states.deal_id
    and wins.won_at = states.next_won_at

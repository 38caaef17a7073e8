/*
description: Each deal's part in the pipeline waterfall of each period of int_waterfall_periods
  (METRICS.md section 9), one row per movement it makes. The deals open at P.start and at the cut
  come from the snapshot of that instant's eve where that night was loaded, else from the timelines
  with the values known then (int_deal_values_at_points); the closes from the timelines
  (core.fact_stage_transition). Per deal:
  start (open at P.start, expected to close in P; its amount then); then at the cut either still
  open (end when expected in P, else pushed_out: after P, before it or without a date; its amount
  at the cut), closed in P (won or lost: the last entry before the cut is terminal and entered in
  [P.start, cut); its amount at the close: that night's snapshot where it was loaded, else as known
  at T like core.fact_deal), or, for a deal in start, removed (its amount at P.start): deleted in the
  CRM (is_deleted: its latest snapshot known at the cut says deleted) or gone from the later source
  without a close in P; a deal not in start that closes in P or is open at the cut expected in P
  enters as created (created in [P.start, cut)) or pulled_in, with its amount at the exit;
  amount_changed = exit amount - start amount for deals in start (a missing amount counts as 0).
  Team: the team of the deal's owner at the cut (the snapshot's or the timeline's owner, the close
  night's for a close, the last known for a removed deal) in the core.dim_rep version in force just
  before the cut (valid_from < cut <= valid_to). Grain: period_type, period_start, deal_id, movement.
columns:
  period_type: month or quarter.
  period_start: First day of P.
  deal_id: The deal.
  movement: start, created, pulled_in, amount_changed, won, lost, pushed_out, removed or end.
  amount: The movement's amount, DECIMAL(18,2), a missing amount as 0 (amount_changed is signed).
  rep_id: The deal's owner at the cut.
  team: That owner's team just before the cut; NULL when the owner has no version then (unassigned).
  rep_name: That owner's name in the same version.
  stage: For start, the stage at P.start; otherwise the stage at the cut, the closed stage, or the last known stage of a removed deal.
  amount_at_start: The amount at P.start (deals in start), DECIMAL(18,2).
  amount_at_exit: The amount at the cut, at the close, or at P.start for a removed deal, DECIMAL(18,2).
  close_date_at_start: The expected close date at P.start (deals in start).
  close_date_at_exit: The expected close date at the cut or at the close.
  closed_at: When a won or lost deal closed.
  is_deleted: True for a removed deal whose latest snapshot known at the cut says deleted (core.deleted_deal).
*/
with periods as (
    select * from int_waterfall_periods
),

-- Each instant read, with where its open deals come from.
instants as (
    select start_at as instant, start_source as source from periods
    union
    select cut, end_source from periods
),

-- The deals open at each instant, with their stage, owner, amount and expected close date then.
open_at as (
    select instants.instant, snapshots.deal_id, snapshots.stage, snapshots.rep_id, snapshots.amount, snapshots.expected_close_date
    from instants
    join core.fact_pipeline_snapshot as snapshots
        on snapshots.snapshot_date = cast(instants.instant as date) - 1
        and snapshots.status = 'open'
    where instants.source = 'snapshot'
    union all
    select instants.instant, known.deal_id, known.stage, known.rep_id, known.amount, known.expected_close_date
    from instants
    join int_deal_values_at_points as known on known.point_at = instants.instant
    where instants.source = 'timeline'
),

starts as (
    select periods.period_type, periods.period_start, open_at.*
    from periods
    join open_at on open_at.instant = periods.start_at
    where open_at.expected_close_date >= periods.period_start
        and open_at.expected_close_date < periods.period_end
),

-- The deals open at the cut that can move in P: those expected to close in it (end), and those
-- in start (pushed_out, end). Any other open deal is in neither the start nor the end of P.
at_cut as (
    select periods.period_type, periods.period_start, open_at.*
    from periods
    join open_at on open_at.instant = periods.cut
    where open_at.expected_close_date >= periods.period_start
        and open_at.expected_close_date < periods.period_end
    union all
    select periods.period_type, periods.period_start, open_at.*
    from periods
    join open_at on open_at.instant = periods.cut
    semi join starts
        on starts.period_type = periods.period_type
        and starts.period_start = periods.period_start
        and starts.deal_id = open_at.deal_id
    where not coalesce(open_at.expected_close_date >= periods.period_start and open_at.expected_close_date < periods.period_end, false)
),

-- Deals whose timeline closed them in [P.start, cut) and kept them closed to the cut, with the
-- values of the night they closed where it was loaded, else core.fact_deal's (known at T).
closes as (
    select
        periods.period_type,
        periods.period_start,
        entries.deal_id,
        entries.stage,
        entries.entered_at as closed_at,
        coalesce(night.rep_id, deals.rep_id) as rep_id,
        case when night.deal_id is null then deals.amount else night.amount end as amount,
        case when night.deal_id is null then deals.expected_close_date else night.expected_close_date end as expected_close_date
    from periods
    join core.fact_stage_transition as entries
        on entries.entered_at >= periods.start_at
        and entries.entered_at < periods.cut
        and coalesce(entries.exited_at, cast('infinity' as timestamp)) >= periods.cut
    join core.fact_deal as deals using (deal_id)
    left join core.fact_pipeline_snapshot as night
        on night.deal_id = entries.deal_id
        and night.snapshot_date = cast(entries.entered_at as date)
        and night.status in ('won', 'lost')
    where entries.stage in ('closed_won', 'closed_lost')
        and deals.created_at < periods.cut
),

joined as (
    select
        period_type,
        period_start,
        deal_id,
        starts.deal_id is not null as in_start,
        starts.stage as start_stage,
        starts.rep_id as start_rep_id,
        starts.amount as amount_at_start,
        starts.expected_close_date as close_date_at_start,
        at_cut.deal_id is not null as open_at_cut,
        at_cut.stage as cut_stage,
        at_cut.rep_id as cut_rep_id,
        at_cut.amount as cut_amount,
        at_cut.expected_close_date as cut_close_date,
        closes.deal_id is not null as closed_in_period,
        closes.stage as closed_stage,
        closes.closed_at,
        closes.rep_id as closed_rep_id,
        closes.amount as closed_amount,
        closes.expected_close_date as closed_close_date
    from starts
    full join at_cut using (period_type, period_start, deal_id)
    full join closes using (period_type, period_start, deal_id)
),

classified as (
    select
        joined.*,
        periods.start_at,
        periods.cut,
        case
            when joined.open_at_cut and joined.cut_close_date >= periods.period_start and joined.cut_close_date < periods.period_end then 'end'
            when joined.open_at_cut then 'pushed_out'
            when joined.closed_in_period then case joined.closed_stage when 'closed_won' then 'won' else 'lost' end
            else 'removed'
        end as exit_movement
    from joined
    join periods using (period_type, period_start)
),

-- In the waterfall: the deals in start, and the others that close in P or end in it.
moving as (
    select * from classified where in_start or exit_movement in ('end', 'won', 'lost')
),

-- For a removed deal: its latest snapshot known at the cut (its deleted row, when it was deleted).
last_known as (
    select moving.period_type, moving.period_start, moving.deal_id, known.status, known.rep_id, known.stage
    from (select * from moving where exit_movement = 'removed') as moving
    asof left join core.fact_pipeline_snapshot as known
        on known.deal_id = moving.deal_id
        and cast(moving.cut as date) - 1 >= known.snapshot_date
),

-- Deals the export no longer holds (deleted since) have no created_at: the night first seen.
first_seen as (
    select snapshots.deal_id, cast(min(snapshots.snapshot_date) as timestamp) as created_at
    from core.fact_pipeline_snapshot as snapshots
    anti join core.fact_deal as deals using (deal_id)
    group by snapshots.deal_id
),

deals as (
    select
        moving.period_type,
        moving.period_start,
        moving.deal_id,
        moving.in_start,
        moving.exit_movement,
        case
            when moving.in_start then 'start'
            when coalesce(fact_deal.created_at, first_seen.created_at) >= moving.start_at then 'created'
            else 'pulled_in'
        end as entry_movement,
        -- Where a deal left the period's pipeline: its close, its last night (removed), or the cut.
        case moving.exit_movement
            when 'won' then moving.closed_rep_id
            when 'lost' then moving.closed_rep_id
            when 'removed' then coalesce(last_known.rep_id, moving.start_rep_id)
            else moving.cut_rep_id
        end as rep_id,
        moving.cut,
        moving.start_stage,
        case moving.exit_movement
            when 'won' then moving.closed_stage
            when 'lost' then moving.closed_stage
            when 'removed' then coalesce(last_known.stage, moving.start_stage)
            else moving.cut_stage
        end as exit_stage,
        moving.amount_at_start,
        case moving.exit_movement
            when 'won' then moving.closed_amount
            when 'lost' then moving.closed_amount
            when 'removed' then moving.amount_at_start
            else moving.cut_amount
        end as amount_at_exit,
        moving.close_date_at_start,
        case when moving.exit_movement in ('won', 'lost') then moving.closed_close_date else moving.cut_close_date end as close_date_at_exit,
        moving.closed_at,
        coalesce(last_known.status = 'deleted', false) as is_deleted
    from moving
    left join core.fact_deal as fact_deal using (deal_id)
    left join first_seen using (deal_id)
    left join last_known using (period_type, period_start, deal_id)
),

with_team as (
    select deals.*, reps.team, reps.rep_name
    from deals
    left join core.dim_rep as reps
        on reps.rep_id = deals.rep_id
        and reps.valid_from < deals.cut
        and coalesce(reps.valid_to, cast('infinity' as timestamp)) >= deals.cut
),

-- Each deal's movements from one pass: its entry (start, created or pulled_in), its amount change
-- (deals in start whose amount moved) and its exit.
movements as (
    select with_team.*, unnest(list_filter([
        {'movement': entry_movement,
            'amount': case when in_start then coalesce(amount_at_start, 0) else coalesce(amount_at_exit, 0) end,
            'stage': case when in_start then start_stage else exit_stage end},
        case when in_start and coalesce(amount_at_exit, 0) <> coalesce(amount_at_start, 0) then
            {'movement': 'amount_changed', 'amount': coalesce(amount_at_exit, 0) - coalesce(amount_at_start, 0), 'stage': exit_stage} end,
        {'movement': exit_movement, 'amount': coalesce(amount_at_exit, 0), 'stage': exit_stage}
    ], movement -> movement is not null), recursive := true)
    from with_team
)

select
    period_type,
    period_start,
    deal_id,
    movement,
    cast(amount as decimal(18, 2)) as amount,
    rep_id,
    team,
    rep_name,
    stage,
    amount_at_start,
    amount_at_exit,
    close_date_at_start,
    close_date_at_exit,
    closed_at,
    is_deleted
from movements

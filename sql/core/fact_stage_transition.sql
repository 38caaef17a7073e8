/*
description: Each deal's timeline as of the as-of instant T (METRICS.md section 3): its loaded
  history rows before T, or synthesized entries when it has none; sorted by entered_at (ties by
  canonical order, closed_lost last), consecutive entries of the same stage collapsed into the
  first (which also drops exact duplicates). A deal without history rows that earlier nights
  snapshotted (METRICS.md section 9 "Inferred transitions") starts in the stage of its first night,
  and each later night whose stage differs from the night before (tonight's export included) adds
  an entry at the start of that night's date, flagged is_inferred. Grain: timeline entry.
columns:
  deal_id: The deal (core.fact_deal).
  seq: Position of the entry in the deal's timeline, from 1.
  stage: Canonical stage entered (core.dim_stage).
  stage_order: The stage's order, 1-9; NULL for closed_lost.
  entered_at: When the deal entered the stage (UTC).
  exited_at: When the next entry began (UTC); NULL for the last entry.
  next_stage: The stage of the next entry; NULL for the last entry.
  days_in_stage: Duration in days (exited_at - entered_at, fractional); for the last entry of an open deal its age (T - entered_at); NULL for the last entry of a closed deal.
  is_regression: True when the entry's order is lower than the nearest earlier non-terminal entry's (terminal entries and the first entry never are).
  is_synthesized: True for entries built from the deal's export row because it had no usable history rows.
  is_inferred: True for entries inferred from the nightly snapshots of a deal without history rows: its stage differed from the night before (METRICS.md section 9), entered at the start of that night's date.
  load_id: The run that built this row (meta.etl_run).
  max_stage_order: The highest stage order the deal had reached by this entry, this one included (closed_lost, without an order, never counts): a deal at an entry with max_stage_order >= 4 had reached opportunity by then.
*/
with params as (
    select as_of_instant from run_params
),

stages as (
    select stage, stage_order, coalesce(stage_order, 10) as sort_order, is_terminal
    from int_stages
),

deals as (
    select deal_id, created_at, expected_close_date, exported_stage
    from int_deals
    where not is_after_as_of
),

history as (
    select deal_id, stage, entered_at
    from int_stage_history
    where deal_id in (select deal_id from deals)
),

history_per_deal as (
    select deal_id, count(*) filter (where entered_at < (select as_of_instant from params)) as rows_before_as_of
    from history
    group by deal_id
),

-- What the nights said of a deal without history rows: its stage on each earlier night, and
-- tonight's exported stage.
observed as (
    select snapshots.deal_id, snapshots.snapshot_date as night, snapshots.stage
    from previous_pipeline_snapshot as snapshots
    join deals using (deal_id)
    anti join history_per_deal on history_per_deal.deal_id = snapshots.deal_id
    where snapshots.snapshot_date < (select as_of from run_params) and snapshots.status <> 'deleted'
    union all
    select deals.deal_id, (select as_of from run_params), deals.exported_stage
    from deals
    anti join history_per_deal on history_per_deal.deal_id = deals.deal_id
),

first_observed as (
    select deal_id, arg_min(stage, night) as stage, count(*) > 1 as has_earlier_nights
    from observed
    group by deal_id
),

-- A deal with no history rows at all: the stage of its first night (the exported one when no
-- earlier night snapshotted it) at created_at when open; when closed, lead at created_at, then the
-- closed stage at expected_close_date (or created_at when missing or earlier). A deal whose
-- history rows all fall at or after T: lead at created_at.
synthesized as (
    select deals.deal_id, case when stages.is_terminal then 'lead' else first_observed.stage end as stage, deals.created_at as entered_at
    from deals
    join first_observed using (deal_id)
    join stages on stages.stage = first_observed.stage
    union all
    select deals.deal_id, first_observed.stage, greatest(coalesce(cast(deals.expected_close_date as timestamp), deals.created_at), deals.created_at)
    from deals
    join first_observed using (deal_id)
    join stages on stages.stage = first_observed.stage
    where stages.is_terminal
    union all
    select deals.deal_id, 'lead', deals.created_at
    from deals
    join history_per_deal on history_per_deal.deal_id = deals.deal_id
    where history_per_deal.rows_before_as_of = 0
),

-- Each later night whose stage differs from the night before: an entry at the start of its date.
inferred as (
    select observed.deal_id, observed.stage, greatest(cast(observed.night as timestamp), deals.created_at) as entered_at
    from (
        select *, lag(stage) over (partition by deal_id order by night) as stage_before
        from observed
        where deal_id in (select deal_id from first_observed where has_earlier_nights)
    ) as observed
    join deals using (deal_id)
    where observed.stage_before is not null and observed.stage <> observed.stage_before
),

entries as (
    select deal_id, stage, entered_at, false as is_synthesized, false as is_inferred from history
    union all
    select deal_id, stage, entered_at, true, false from synthesized
    union all
    select deal_id, stage, entered_at, false, true from inferred
),

sorted as (
    select
        entries.*,
        stages.stage_order,
        stages.sort_order,
        stages.is_terminal,
        lag(entries.stage) over (partition by entries.deal_id order by entries.entered_at, stages.sort_order) as previous_stage
    from entries
    join stages using (stage)
    where entries.entered_at < (select as_of_instant from params)
),

collapsed as (
    select * from sorted where previous_stage is distinct from stage
),

sequenced as (
    select
        deal_id,
        row_number() over timeline as seq,
        stage,
        stage_order,
        is_terminal,
        entered_at,
        lead(entered_at) over timeline as exited_at,
        lead(stage) over timeline as next_stage,
        last_value(case when not is_terminal then stage_order end ignore nulls)
            over (timeline rows between unbounded preceding and 1 preceding) as previous_open_order,
        max(stage_order) over (timeline rows between unbounded preceding and current row) as max_stage_order,
        is_synthesized,
        is_inferred
    from collapsed
    window timeline as (partition by deal_id order by entered_at, sort_order)
),

final as (
    select
        deal_id,
        seq,
        stage,
        stage_order,
        is_terminal,
        entered_at,
        exited_at,
        next_stage,
        case
            when exited_at is not null then (epoch(exited_at) - epoch(entered_at)) / 86400
            when not is_terminal then (epoch((select as_of_instant from params)) - epoch(entered_at)) / 86400
        end as days_in_stage,
        coalesce(not is_terminal and stage_order < previous_open_order, false) as is_regression,
        max_stage_order,
        is_synthesized,
        is_inferred
    from sequenced
)

select
    final.deal_id,
    cast(final.seq as integer) as seq,
    final.stage,
    final.stage_order,
    final.entered_at,
    final.exited_at,
    final.next_stage,
    final.days_in_stage,
    final.is_regression,
    final.is_synthesized,
    params.load_id,
    final.is_inferred,
    final.max_stage_order
from final
cross join run_params as params

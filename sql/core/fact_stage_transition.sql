/*
description: One row per entry of each deal's timeline as of the run's as-of instant T
  (METRICS.md section 3). Grain: timeline entry.
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
select
    timeline.deal_id,
    cast(timeline.seq as integer) as seq,
    timeline.stage,
    timeline.stage_order,
    timeline.entered_at,
    timeline.exited_at,
    timeline.next_stage,
    timeline.days_in_stage,
    timeline.is_regression,
    timeline.is_synthesized,
    params.load_id,
    timeline.is_inferred,
    timeline.max_stage_order
from int_deal_timeline as timeline
cross join run_params as params


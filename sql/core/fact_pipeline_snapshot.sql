/*
description: What each night's export said of the pipeline (METRICS.md section 9), kept across
  nights: one row per night (snapshot_date, the run's as-of date) and deal open at that night's T
  or closed on that date, with the values the run knew at T (core.fact_deal); and one row with
  status deleted for a deal of the night before that the night's export no longer holds (deleted in
  the CRM), with its last known values. Rows of earlier nights are copied unchanged from the
  previous warehouse; a run for the same as-of replaces that date's rows and no other (a data
  test). Grain: snapshot_date, deal_id.
columns:
  snapshot_date: The night: the as-of date of the run that wrote the row.
  deal_id: The deal.
  rep_id: The deal's owner that night.
  stage: The deal's stage at that night's T (its last stage before it was deleted, for status deleted).
  status: open, won or lost (closed on snapshot_date), or deleted (absent from that night's export, present the night before).
  amount: The amount known that night in the reporting currency, DECIMAL(18,2).
  expected_close_date: The expected close date known that night.
  load_id: The run that wrote the row (meta.etl_run).
*/
with params as (
    select as_of, as_of_instant, load_id from run_params
),

tonight as (
    select params.as_of as snapshot_date, deals.deal_id, deals.rep_id, deals.current_stage as stage, deals.status,
        deals.amount, deals.expected_close_date, params.load_id
    from core.fact_deal as deals
    cross join params
    where deals.status = 'open' or deals.closed_at >= cast(params.as_of as timestamp)
),

-- The night before: the newest earlier snapshot, and the deals the previous warehouse loaded
-- (previous_deals is empty when that warehouse is not of an earlier night).
last_night as (
    select * from previous_pipeline_snapshot
    where snapshot_date = (select max(snapshot_date) from previous_pipeline_snapshot where snapshot_date < (select as_of from params))
),

night_before as (
    select deal_id, rep_id, stage, amount, expected_close_date
    from last_night
    where status <> 'deleted'
    union all
    select deal_id, rep_id, stage, amount, expected_close_date
    from previous_deals
    where deal_id not in (select deal_id from last_night)
),

deleted as (
    select params.as_of, night_before.deal_id, night_before.rep_id, night_before.stage, 'deleted',
        night_before.amount, night_before.expected_close_date, params.load_id
    from night_before
    cross join params
    where night_before.deal_id not in (select deal_id from int_deals_checked where deal_id is not null)
),

-- The deletions already recorded for this night (the same night run again, replayed, or rebuilt
-- for its reports) stand while the export still lacks the deal: they may have been found through
-- the deals of a warehouse that is no longer there to read.
recorded_deleted as (
    select recorded.snapshot_date, recorded.deal_id, recorded.rep_id, recorded.stage, recorded.status,
        recorded.amount, recorded.expected_close_date, params.load_id
    from previous_pipeline_snapshot as recorded
    cross join params
    where recorded.snapshot_date = params.as_of and recorded.status = 'deleted'
        and recorded.deal_id not in (select deal_id from int_deals_checked where deal_id is not null)
        and recorded.deal_id not in (select deal_id from deleted)
),

earlier as (
    select snapshot_date, deal_id, rep_id, stage, status, amount, expected_close_date, load_id
    from previous_pipeline_snapshot
    where snapshot_date <> (select as_of from params)
)

select * from earlier
union all
select * from tonight
union all
select * from deleted
union all
select * from recorded_deleted

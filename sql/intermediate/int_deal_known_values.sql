/*
description: Each deal's amount and expected close date as known at the as-of instant T
  (METRICS.md sections 1 and 9): from the latest loaded stage-history row before T that carries
  the value (latest entered_at; at one instant, the row later in the file), the amount converted
  to the reporting currency with the deal's rate; else the export's value, flagged. (The nightly
  snapshots of issue 12 will come before both.) Grain: deal.
columns:
  deal_id: The deal (int_deals, created before T).
  amount: The amount known at T in the reporting currency, DECIMAL(18,2); NULL when neither the history nor the export has one.
  amount_source: stage_history (a history row before T carries it), export (the deals file's value) or NULL (none).
  expected_close_date: The expected close date known at T.
  expected_close_date_source: stage_history, export or NULL, as for the amount.
*/
with history as (
    select
        history.deal_id,
        first(history.amount order by history.entered_at desc, history.ordinal desc) filter (where history.amount is not null) as amount,
        first(history.expected_close_date order by history.entered_at desc, history.ordinal desc) filter (where history.expected_close_date is not null) as expected_close_date
    from int_stage_history as history
    cross join run_params as params
    where history.entered_at < params.as_of_instant
        and (history.amount is not null or history.expected_close_date is not null)
    group by history.deal_id
)

select
    deals.deal_id,
    coalesce(cast(round(history.amount * deals.exchange_rate, 2) as decimal(18, 2)), deals.amount) as amount,
    case when history.amount is not null then 'stage_history' when deals.amount is not null then 'export' end as amount_source,
    coalesce(history.expected_close_date, deals.expected_close_date) as expected_close_date,
    case when history.expected_close_date is not null then 'stage_history' when deals.expected_close_date is not null then 'export' end as expected_close_date_source
from int_deals as deals
left join history using (deal_id)
where not deals.is_after_as_of

/*
description: The periods marts.pipeline_waterfall moves (METRICS.md section 9): the current month
  and quarter (the ones containing the as-of date, to date) and every month of the 24 before it and
  quarter of the 8 before it (the forecast's two years of training), back to the period in which the
  first deal was created. Each is read at two instants, its start and its cut = min(T, P.end), and
  for each says where the deals open then come from: the snapshot of that instant's eve (the night
  before it, core.fact_pipeline_snapshot, known from the instant) where that night was loaded, else
  the timelines with the values known then (int_deal_values_at_points, which reads these instants).
  Grain: period_type, period_start.
columns:
  period_type: month or quarter (UTC calendar).
  period_start: First day of the period P.
  period_end: First day after P.
  period: current (contains the as-of date) or past.
  start_at: P.start as an instant (UTC midnight).
  cut: min(T, P.end): the waterfall counts up to it.
  is_complete: True when the cut is P.end (the period ended by T).
  start_source: snapshot (the night before P.start was loaded) or timeline.
  end_source: snapshot (the night before the cut was loaded: always for the current period, tonight) or timeline.
*/
with params as (
    select as_of, as_of_instant from run_params
),

nights as (
    select distinct snapshot_date from core.fact_pipeline_snapshot
    union
    select as_of from params
),

first_deal as (
    select min(created_at) as first_created_at from core.fact_deal
),

periods as (
    select
        kinds.period_type,
        cast(date_trunc(kinds.period_type, params.as_of) - to_months(kinds.months * steps.n) as date) as period_start,
        cast(date_trunc(kinds.period_type, params.as_of) - to_months(kinds.months * (steps.n - 1)) as date) as period_end,
        case when steps.n = 0 then 'current' else 'past' end as period
    from (values ('month', 1, 24), ('quarter', 3, 8)) as kinds(period_type, months, periods_back)
    cross join range(0, 25) as steps(n)
    cross join params
    where steps.n <= kinds.periods_back
),

instants as (
    select
        periods.*,
        cast(periods.period_start as timestamp) as start_at,
        least(params.as_of_instant, cast(periods.period_end as timestamp)) as cut
    from periods
    cross join params
    cross join first_deal
    where periods.period = 'current' or cast(periods.period_end as timestamp) > first_deal.first_created_at
)

select
    instants.period_type,
    instants.period_start,
    instants.period_end,
    instants.period,
    instants.start_at,
    instants.cut,
    instants.cut = cast(instants.period_end as timestamp) as is_complete,
    case when instants.period_start - 1 in (select snapshot_date from nights) then 'snapshot' else 'timeline' end as start_source,
    case when cast(instants.cut as date) - 1 in (select snapshot_date from nights) then 'snapshot' else 'timeline' end as end_source
from instants
order by instants.period_type, instants.period_start

/*
description: The forecasts the warehouse makes (METRICS.md section 8), one row per origin and
  period: at the run's own T the current and the next month and quarter (kind forecast); and the
  backtest origins (kind backtest): days 1 and 15 of each of the last 12 complete months (ending
  at or before T) for that month, and days 1, 31 and 61 of each of the last 4 complete quarters
  for that quarter; a backtest origin only when a deal was created before it (the run's own T always, even without deals). At an origin the as-of
  date is the day before it, so the origin is that run's T. Grain: origin, period_type, period_start.
columns:
  kind: forecast (the run's own T) or backtest.
  origin: The instant T the forecast is made at (UTC midnight).
  as_of: The as-of date of a run with that T (origin - 1 day).
  period_type: month or quarter.
  period: current or next for kind forecast (the period containing the as-of date, the one after); NULL for backtest rows.
  period_start: First day of the period P.
  period_end: First day after P.
  training_buckets: How much of the past the forecast learns from at scale: the deals whose bucket (hash(deal_id) % 16) is below it: 16 (every deal) when at most 100,000 deals were created before the origin, 4 (a quarter) up to 400,000, else 1 (a sixteenth). It depends only on deals before the origin, so a run with that as-of samples the same deals.
*/
with params as (
    select as_of, as_of_instant from run_params
),

first_deal as (
    select min(created_at) as first_created_at from core.fact_deal
),

created as (
    select created_at from core.fact_deal
),

own as (
    select
        'forecast' as kind,
        params.as_of_instant as origin,
        kinds.period_type,
        kinds.period,
        cast(date_trunc(kinds.period_type, params.as_of) + to_months(kinds.months * kinds.offset_periods) as date) as period_start,
        cast(date_trunc(kinds.period_type, params.as_of) + to_months(kinds.months * (kinds.offset_periods + 1)) as date) as period_end
    from (values
        ('month', 'current', 1, 0),
        ('month', 'next', 1, 1),
        ('quarter', 'current', 3, 0),
        ('quarter', 'next', 3, 1)
    ) as kinds(period_type, period, months, offset_periods)
    cross join params
),

-- The last 12 complete months and the last 4 complete quarters: periods ending at or before T.
backtest_periods as (
    select
        kinds.period_type,
        cast(date_trunc(kinds.period_type, cast(params.as_of_instant as date)) - to_months(kinds.months * steps.n) as date) as period_start,
        cast(date_trunc(kinds.period_type, cast(params.as_of_instant as date)) - to_months(kinds.months * (steps.n - 1)) as date) as period_end,
        kinds.origin_days
    from (values ('month', 1, [1, 15], 12), ('quarter', 3, [1, 31, 61], 4)) as kinds(period_type, months, origin_days, periods)
    cross join range(1, 13) as steps(n)
    cross join params
    where steps.n <= kinds.periods
),

backtest as (
    select
        'backtest' as kind,
        cast(backtest_periods.period_start + to_days(days.day - 1) as timestamp) as origin,
        backtest_periods.period_type,
        cast(null as varchar) as period,
        backtest_periods.period_start,
        backtest_periods.period_end
    from backtest_periods
    cross join unnest(backtest_periods.origin_days) as days(day)
)

select
    periods.kind,
    periods.origin,
    cast(periods.origin - interval '1' day as date) as as_of,
    periods.period_type,
    periods.period,
    periods.period_start,
    periods.period_end,
    case when periods.deals_before <= 100000 then 16 when periods.deals_before <= 400000 then 4 else 1 end as training_buckets
from (
    select periods.*, (select count(*) from created where created.created_at < periods.origin) as deals_before
    from (select * from own union all by name select * from backtest) as periods
) as periods
cross join first_deal
where periods.kind = 'forecast' or first_deal.first_created_at < periods.origin
order by periods.kind desc, periods.period_type, periods.period_start, periods.origin

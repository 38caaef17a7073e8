/*
description: One row per UTC calendar day, from the first day of the year of the earliest deal
  start to the last day of the year after the as-of date. Grain: day.
columns:
  date: The day.
  year: Calendar year.
  quarter: First day of the calendar quarter (DATE), the way months are stored.
  month: First day of the calendar month (DATE), the month key of every mart.
  week: Monday of the ISO week (DATE).
  day_of_week: ISO day of the week, 1 = Monday to 7 = Sunday.
  quarter_number: Quarter of the year, 1-4.
  month_number: Month of the year, 1-12.
  iso_week: ISO week number, 1-53.
*/
with bounds as (
    select
        date_trunc('year', least(coalesce(min(deals.created_at), params.as_of_instant), params.as_of_instant)) as first_day,
        date_trunc('year', params.as_of_instant) + interval '2' year - interval '1' day as last_day
    from int_deals as deals
    cross join run_params as params
    group by params.as_of_instant
),

days as (
    select cast(day as date) as date
    from bounds, range(bounds.first_day, bounds.last_day + interval '1' day, interval '1' day) as days(day)
)

select
    date,
    cast(year(date) as integer) as year,
    cast(date_trunc('quarter', date) as date) as quarter,
    cast(date_trunc('month', date) as date) as month,
    cast(date_trunc('week', date) as date) as week,
    cast(isodow(date) as integer) as day_of_week,
    cast(quarter(date) as integer) as quarter_number,
    cast(month(date) as integer) as month_number,
    cast(week(date) as integer) as iso_week
from days
order by date

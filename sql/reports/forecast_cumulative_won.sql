-- The current month and quarter's amount won so far, day by day up to the as-of date, of the
-- company and each team, for the forecast chart (marts.forecast_cumulative_won). Grain: period_type, scope, day.
select * from marts.forecast_cumulative_won order by period_type, scope_type, scope, day

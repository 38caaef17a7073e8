-- The current month and quarter's amount won so far, day by day up to the as-of date, of the
-- company (when $company) and of the teams in $teams, for the forecast chart
-- (marts.forecast_cumulative_won). Grain: period_type, scope, day.
select * from marts.forecast_cumulative_won
where case scope_type when 'company' then $company else scope in (select unnest($teams)) end
order by period_type, scope_type, scope, day

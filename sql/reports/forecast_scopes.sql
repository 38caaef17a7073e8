-- The forecast of the current and the next month and quarter of every scope, beside quota,
-- attainment and coverage (marts.forecast_scopes). Grain: period_type, period, scope_type, scope.
select * from marts.forecast_scopes order by period_type, period, scope_type, team nulls first, rep_id nulls first

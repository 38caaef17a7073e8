-- Quota, won to date, open in period, overdue and coverage of every scope (marts.period_attainment). Grain: scope, period.
select * from marts.period_attainment order by period_type, period_start, team nulls first, rep_id nulls first

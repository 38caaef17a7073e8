-- The forecast of the current and the next month and quarter, beside quota, attainment and coverage
-- (marts.forecast_scopes), of the scopes asked for: the company when $company, the teams in $teams,
-- the reps in $reps. Grain: period_type, period, scope_type, scope.
select * from marts.forecast_scopes
where case scope_type
    when 'company' then $company
    when 'team' then team in (select unnest($teams))
    else rep_id in (select unnest($reps))
end
order by period_type, period, scope_type, team nulls first, rep_id nulls first

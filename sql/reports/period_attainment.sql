-- Quota, won to date, open in period, overdue and coverage (marts.period_attainment) of the scopes
-- asked for: the company when $company, the teams in $teams, the reps in $reps. Grain: scope, period.
select * from marts.period_attainment
where case scope_type
    when 'company' then $company
    when 'team' then team in (select unnest($teams))
    else rep_id in (select unnest($reps))
end
order by period_type, period_start, team nulls first, rep_id nulls first

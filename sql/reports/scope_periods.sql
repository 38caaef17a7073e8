-- This month, this quarter and the trailing 12 months (marts.scope_periods) of the scopes asked for:
-- the company when $company, the teams in $teams, the reps in $reps. Grain: scope, period.
select * from marts.scope_periods
where case scope_type
    when 'company' then $company
    when 'team' then team in (select unnest($teams))
    else rep_id in (select unnest($reps))
end
order by scope_type, team, rep_id, period_order

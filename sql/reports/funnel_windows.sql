-- Stage exits and advances in each window the reports show (marts.funnel_windows) of the scopes asked
-- for: the company when $company, the teams in $teams, the reps in $reps. Grain: scope, window, stage.
select * from marts.funnel_windows
where case scope_type
    when 'company' then $company
    when 'team' then team in (select unnest($teams))
    else rep_id in (select unnest($reps))
end
order by scope_type, team, rep_id, window_name, stage_order

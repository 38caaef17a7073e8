-- Open pipeline by expected close month (marts.open_pipeline_by_close_month) of the scopes asked for:
-- the company when $company, the teams in $teams, the reps in $reps. Grain: scope, month.
select * from marts.open_pipeline_by_close_month
where case scope_type
    when 'company' then $company
    when 'team' then team in (select unnest($teams))
    else rep_id in (select unnest($reps))
end
order by scope_type, team, rep_id, close_month nulls last

-- Open pipeline by current stage (marts.open_pipeline_by_stage) of the scopes asked for: the company
-- when $company, the teams in $teams, the reps in $reps. Grain: scope, stage.
select * from marts.open_pipeline_by_stage
where case scope_type
    when 'company' then $company
    when 'team' then team in (select unnest($teams))
    else rep_id in (select unnest($reps))
end
order by scope_type, team, rep_id, stage_order nulls last

-- Sales velocity of each segment at T and at the last two month ends (marts.velocity_by_scope) of the
-- scopes asked for: the company when $company, the teams in $teams, the reps in $reps.
-- Grain: scope, segment, point.
select * from marts.velocity_by_scope
where case scope_type
    when 'company' then $company
    when 'team' then team in (select unnest($teams))
    else rep_id in (select unnest($reps))
end
order by scope_type, team, rep_id,
    case segment_type when 'all' then 0 when 'region' then 1 when 'product' then 2 when 'company_size' then 3 else 4 end,
    velocity_per_day desc nulls last, segment_value

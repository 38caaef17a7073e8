-- Sales velocity of every scope and segment at T and at the last two month ends (marts.velocity_by_scope). Grain: scope, segment, point.
select * from marts.velocity_by_scope
order by scope_type, team, rep_id,
    case segment_type when 'all' then 0 when 'region' then 1 when 'product' then 2 when 'company_size' then 3 else 4 end,
    velocity_per_day desc nulls last, segment_value

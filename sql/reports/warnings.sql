-- The early warnings of the company (marts.segment_warnings, team NULL; when $company) and of the
-- teams in $teams (marts.team_warnings), worst first: critical before warning, then the lowest z
-- (or, for counts and cycles, the largest relative change). Grain: team, warning.
with every_warning as (
    select cast(null as varchar) as team, * from marts.segment_warnings where $company
    union all by name
    select * from marts.team_warnings where team in (select unnest($teams))
)

select team, segment_type, segment_value, metric, stage, month, current_n, current_value, baseline_n, baseline_value, z_score, severity
from every_warning
order by team nulls first,
    case severity when 'critical' then 0 else 1 end,
    z_score nulls last,
    abs(current_value - baseline_value) / nullif(abs(baseline_value), 0) desc nulls last,
    segment_type, segment_value, metric, stage

-- Every early warning of marts.segment_warnings, worst first: critical before warning, then the
-- lowest z (or, for counts and cycles, the largest relative change). Grain: warning.
select segment_type, segment_value, metric, stage, month, current_n, current_value, baseline_n, baseline_value, z_score, severity
from marts.segment_warnings
order by case severity when 'critical' then 0 else 1 end,
    z_score nulls last,
    abs(current_value - baseline_value) / nullif(abs(baseline_value), 0) desc nulls last,
    segment_type, segment_value, metric, stage

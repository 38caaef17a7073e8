-- No team warning row is below the sample-size gates or above the severity thresholds of METRICS.md section 6.
select *
from marts.team_warnings
where case metric
    when 'stage_conversion' then current_n < 20 or baseline_n < 60 or z_score > -2 or stage is null
        or (severity = 'critical') <> (z_score <= -3)
    when 'win_rate' then current_n < 20 or baseline_n < 60 or z_score > -2 or stage is not null
        or (severity = 'critical') <> (z_score <= -3)
    when 'pipeline_creation' then baseline_value < 10 or current_value >= 0.7 * baseline_value
        or (severity = 'critical') <> (current_value < 0.5 * baseline_value)
    when 'cycle_time' then current_n < 10 or baseline_n < 30 or baseline_value <= 0 or current_value < 1.25 * baseline_value
        or (severity = 'critical') <> (current_value >= 1.5 * baseline_value)
    else true
end

-- A deal's age in its stage at an instant, in the buckets the forecast learns by (days): deals
-- that sit in a stage lose their chance.
create or replace temp macro stage_age_bucket(point_at, stage_entered_at) as
    case
        when epoch(point_at) - epoch(stage_entered_at) < 14 * 86400 then '0-14'
        when epoch(point_at) - epoch(stage_entered_at) < 45 * 86400 then '14-45'
        when epoch(point_at) - epoch(stage_entered_at) < 120 * 86400 then '45-120'
        else '120+'
    end;

-- The coaching flags (marts.rep_coaching) with the stage order, weakest first.
select
    coaching.rep_id,
    coaching.team,
    coaching.stage,
    stages.stage_order,
    coaching.rep_exits,
    coaching.rep_conversion,
    coaching.peer_exits,
    coaching.peer_conversion,
    coaching.z_score
from marts.rep_coaching as coaching
join core.dim_stage as stages using (stage)
order by coaching.z_score, coaching.rep_id, stages.stage_order

-- The stages 1-9 (core.dim_stage) under the user's labels, with which are used and the next used
-- stage of each: the funnels show the used stages 1-8, each converting to its next used stage.
select stage, stage_order, label, is_used, next_used_stage
from core.dim_stage
where stage_order between 1 and 9
order by stage_order

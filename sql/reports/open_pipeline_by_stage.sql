-- Open pipeline of every scope by current stage (marts.open_pipeline_by_stage). Grain: scope, stage.
select * from marts.open_pipeline_by_stage order by scope_type, team, rep_id, stage_order nulls last

-- The stages in order with the user's own label and whether the pipeline uses them (core.dim_stage). Grain: stage.
select stage, stage_order, label, is_terminal, is_used from core.dim_stage order by stage_order nulls last

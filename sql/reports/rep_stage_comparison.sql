-- Each rep's conversion per stage against the rest of the team, with its verdict (marts.rep_stage_comparison). Grain: rep, stage.
select * from marts.rep_stage_comparison order by rep_id, stage_order

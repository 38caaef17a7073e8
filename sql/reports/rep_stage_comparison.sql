-- Each rep in $reps: its conversion per stage against the rest of the team, with its verdict
-- (marts.rep_stage_comparison). Grain: rep, stage.
select * from marts.rep_stage_comparison
where rep_id in (select unnest($reps))
order by rep_id, stage_order

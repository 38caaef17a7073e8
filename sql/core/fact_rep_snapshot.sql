/*
description: Each night's reps as that night's reps file gave them (METRICS.md section 9), kept
  across nights like core.fact_pipeline_snapshot: rows of earlier nights are copied unchanged; a
  run for the same as-of replaces that date's rows and no other. core.dim_rep's versions are read
  from it. Grain: snapshot_date, rep_id.
columns:
  snapshot_date: The night: the as-of date of the run that wrote the row.
  rep_id: The rep's id, as exported.
  rep_name: The rep's name that night.
  email: The rep's e-mail address that night.
  manager_id: rep_id of the rep's manager that night; NULL at the top.
  team: The rep's team that night.
  region: The rep's region that night.
  is_active: False when that night's reps file marked the rep inactive; NULL when it did not say.
  load_id: The run that wrote the row (meta.etl_run).
*/
select snapshot_date, rep_id, rep_name, email, manager_id, team, region, is_active, load_id
from previous_rep_snapshot
where snapshot_date <> (select as_of from run_params)

union all

select params.as_of, reps.rep_id, reps.rep_name, reps.email, reps.manager_id, reps.team, reps.region, reps.is_active, params.load_id
from int_reps_checked as reps
cross join run_params as params
where reps.outcome = 'loaded'

-- The reps of the nights before tonight's as-of are the previous warehouse's rows, unchanged.
with earlier as (
    select * from core.fact_rep_snapshot where snapshot_date <> (select as_of from run_params)
),

previous as (
    select * from previous_rep_snapshot where snapshot_date <> (select as_of from run_params)
)

(select 'lost or changed' as problem, * from previous except all select 'lost or changed', * from earlier)
union all
(select 'added or changed', * from earlier except all select 'added or changed', * from previous)

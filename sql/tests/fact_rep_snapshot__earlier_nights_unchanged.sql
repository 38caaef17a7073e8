-- The reps of the nights before tonight's as-of are the previous warehouse's rows, unchanged: per
-- night the same number of rows and the same order-independent checksum of every column.
with earlier as (
    select snapshot_date, count(*) as rows,
        bit_xor(hash(rep_id, rep_name, email, manager_id, team, region, is_active, load_id)) as checksum
    from core.fact_rep_snapshot
    where snapshot_date <> (select as_of from run_params)
    group by snapshot_date
),

previous as (
    select snapshot_date, count(*) as rows,
        bit_xor(hash(rep_id, rep_name, email, manager_id, team, region, is_active, load_id)) as checksum
    from previous_rep_snapshot
    where snapshot_date <> (select as_of from run_params)
    group by snapshot_date
)

select coalesce(earlier.snapshot_date, previous.snapshot_date) as snapshot_date, previous.rows as rows_before, earlier.rows as rows_now
from earlier
full join previous using (snapshot_date)
where earlier.rows is distinct from previous.rows or earlier.checksum is distinct from previous.checksum

-- Each rep's versions follow one another without overlap, at most one is current, and every rep
-- of tonight's reps file has exactly one current version.
with ordered as (
    select rep_id, valid_from, valid_to, is_current,
        lead(valid_from) over (partition by rep_id order by valid_from) as next_from
    from core.dim_rep
)

select rep_id, 'overlaps the next version' as problem
from ordered
where next_from is not null and (valid_to is null or valid_to > next_from)
union all
select rep_id, 'more than one current version'
from core.dim_rep
group by rep_id
having count(*) filter (where is_current) > 1
union all
select rep_id, 'no current version'
from core.fact_rep_snapshot
where snapshot_date = (select as_of from run_params)
    and rep_id not in (select rep_id from core.dim_rep where is_current)

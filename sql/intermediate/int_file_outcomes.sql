/*
description: Per raw table, how many rows loaded, were rejected or were exact duplicates; the
  loader adds the records its CSV reader rejected and checks loaded + rejected + duplicates = rows.
  Grain: input file.
*/
with outcomes as (
    select 'reps' as source_table, outcome from int_reps_checked where not is_synthesized
    union all select 'deals', outcome from int_deals_checked
    union all select 'stage_history', outcome from int_stage_history_checked
    union all select 'quotas', outcome from int_quotas_checked
)

select
    source_table,
    count(*) filter (where outcome = 'loaded') as loaded,
    count(*) filter (where outcome = 'rejected') as rejected,
    count(*) filter (where outcome = 'duplicate') as duplicates
from outcomes
group by source_table

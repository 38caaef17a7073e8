/*
description: The stage-history rows that loaded, with their canonical stage, for deals in
  int_deals. Exact duplicates are gone (counted in meta.load_file). Grain: history row.
*/
select
    deal_id,
    stage,
    entered_at,
    ordinal
from int_stage_history_checked
where outcome = 'loaded'

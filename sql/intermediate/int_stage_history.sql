/*
description: The stage-history rows that loaded, with their canonical stage and the source stage
  label as exported (core.dim_stage shows the user's own labels), and the amount (in the deal's currency) and
  expected close date the row carries, if any, for deals in int_deals. Exact
  duplicates are gone (counted in meta.load_file). Grain: history row.
*/
select
    deal_id,
    stage,
    stage_label,
    entered_at,
    amount,
    expected_close_date,
    ordinal
from int_stage_history_checked
where outcome = 'loaded'

/*
description: deals.csv records the CSV reader could not take as rows (more fields than the header,
  broken quoting), with the deal_id as it split them; their ordinals are negative (-1 for the first).
  Lets the history checks name a deal's own rejection. Grain: malformed input record.
*/
select
    ordinal,
    clean(deal_id) as deal_id
from raw_deals_malformed

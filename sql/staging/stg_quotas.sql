/*
description: quotas.csv as read, one row per record in file order. Grain: input record.
*/
select
    rowid as ordinal,
    hash(*columns(*)) as row_hash,
    clean(rep_id) as rep_id,
    clean(period_start) as period_start_text,
    parse_date(period_start) as period_start,
    clean(period_end) as period_end_text,
    parse_date(period_end) as period_end,
    clean(quota) as quota_text,
    parse_amount(quota) as quota,
    clean(lookup_column) as lookup_column,
    clean(lookup_value) as lookup_value,
    lookup_reason
from raw_quotas

/*
description: stage_history.csv as read, one row per record in file order: trimmed text, with
  parsed values beside the text they came from. Grain: input record.
*/
select
    rowid as ordinal,
    hash(*columns(*)) as row_hash,
    clean(deal_id) as deal_id,
    clean(stage) as stage_label,
    clean(entered_at) as entered_at_text,
    parse_timestamp(entered_at) as entered_at,
    clean(rep_id) as rep_id,
    clean(amount) as amount_text,
    parse_amount(amount) as amount,
    clean(expected_close_date) as expected_close_date_text,
    parse_date(expected_close_date) as expected_close_date,
    clean(deleted) as deleted,
    clean(lookup_column) as lookup_column,
    clean(lookup_value) as lookup_value,
    lookup_reason
from raw_stage_history

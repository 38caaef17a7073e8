/*
description: deals.csv as read, one row per record in file order: trimmed text, with parsed
  values beside the text they came from. Grain: input record.
*/
select
    rowid as ordinal,
    hash(*columns(*)) as row_hash,
    clean(deal_id) as deal_id,
    clean(deal_name) as deal_name,
    clean(rep_id) as rep_id,
    clean(account_name) as account_name,
    clean(region) as region,
    clean(product) as product,
    clean(company_size) as company_size_text,
    clean(lead_type) as lead_type_text,
    clean(amount) as amount_text,
    parse_amount(amount) as amount,
    clean(currency) as currency_text,
    upper(clean(currency)) as currency,
    clean(created_at) as created_at_text,
    parse_timestamp(created_at) as created_at,
    clean(expected_close_date) as expected_close_date_text,
    parse_date(expected_close_date) as expected_close_date,
    clean(stage) as stage_label,
    clean(loss_reason) as loss_reason,
    clean(forecast_category) as forecast_category_text,
    clean(deleted) as deleted,
    clean(created_at_column) as created_at_column,
    created_at_first_seen is not null as is_created_at_first_seen,
    clean(lookup_column) as lookup_column,
    clean(lookup_value) as lookup_value,
    lookup_reason,
    clean(history_column) as history_column,
    clean(history_value) as history_value,
    clean(history_problem) as history_problem
from raw_deals

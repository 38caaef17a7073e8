/*
description: The deals that loaded, typed and mapped: lead type through the lead-type map
  (unknown when the map does not know the label), company size from its label or an employee
  count (< 100 smb, 100-999 mid_market, >= 1000 enterprise), amount converted to the reporting
  currency; created_at flagged when a mapping estimated it; the forecast category normalized
  (forecast_category: NULL when empty or not a known category) beside the text as exported.
  Includes deals created at or after the as-of instant (is_after_as_of). Grain: deal.
*/
with deals as (
    select * from int_deals_checked where outcome = 'loaded'
),

lead_type_labels as (
    select labels.lead_type_text, coalesce(lead_type_map.lead_type, 'unknown') as lead_type
    from (select distinct lead_type_text from deals where lead_type_text is not null) as labels
    left join cfg_lead_type_map as lead_type_map on lead_type_map.label_key = label_key(labels.lead_type_text)
),

final as (
    select
        deals.deal_id,
        deals.deal_name,
        deals.rep_id,
        deals.account_name,
        deals.region,
        deals.product,
        case
            when label_key(deals.company_size_text) in ('smb', 'small') then 'smb'
            when label_key(deals.company_size_text) in ('midmarket', 'mid', 'mm') then 'mid_market'
            when label_key(deals.company_size_text) in ('enterprise', 'ent') then 'enterprise'
            when try_cast(replace(deals.company_size_text, ',', '') as bigint) < 0 then 'unknown'
            when try_cast(replace(deals.company_size_text, ',', '') as bigint) < 100 then 'smb'
            when try_cast(replace(deals.company_size_text, ',', '') as bigint) < 1000 then 'mid_market'
            when try_cast(replace(deals.company_size_text, ',', '') as bigint) >= 1000 then 'enterprise'
            else 'unknown'
        end as company_size,
        deals.company_size_text,
        coalesce(lead_type_labels.lead_type, 'unknown') as lead_type,
        deals.lead_type_text,
        cast(round(deals.amount * deals.exchange_rate, 2) as decimal(18, 2)) as amount,
        deals.amount as amount_original,
        deals.exchange_rate,
        coalesce(deals.currency, params.reporting_currency) as currency,
        deals.created_at,
        deals.created_at_is_estimated,
        deals.created_at_estimated_from,
        deals.expected_close_date,
        deals.stage as exported_stage,
        deals.stage_label as exported_stage_label,
        deals.loss_reason,
        forecast_category(deals.forecast_category_text) as forecast_category,
        deals.forecast_category_text,
        deals.created_at >= params.as_of_instant as is_after_as_of
    from deals
    cross join run_params as params
    left join lead_type_labels on lead_type_labels.lead_type_text = deals.lead_type_text
)

select * from final

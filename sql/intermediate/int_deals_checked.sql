/*
description: Every deals.csv record with its outcome (loaded, duplicate or rejected) and, when
  rejected, the first problem in column order: column, value and a reason saying how to fix it.
  The first row of a deal_id without a problem of its own loads; a later row identical in every
  field is a duplicate; a later row with different values is rejected. A value a mapping's look-up
  finds no match for is a problem of the row. created_at is estimated when a mapping's
  createdAtFallback gave it (another column, or the night the deal was first seen).
  Grain: input record.
*/
-- A mapping's createdAtFallback "firstSeen" (every date column empty): the night the deal was
-- first seen, that is the as-of date, or the earlier date the previous warehouse estimated for it.
with first_seen as (
    select
        stg_deals.*,
        case when stg_deals.is_created_at_first_seen then least(cast(params.as_of as timestamp), previous.created_at) end as first_seen_at
    from stg_deals
    cross join run_params as params
    left join previous_estimated_created_at as previous
        on stg_deals.is_created_at_first_seen and previous.deal_id = stg_deals.deal_id
),

deals as materialized (
    select
        * exclude (first_seen_at) replace (
            coalesce(created_at_text, cast(first_seen_at as varchar)) as created_at_text,
            coalesce(created_at, first_seen_at) as created_at)
    from first_seen
),

stage_labels as (
    select labels.stage_label, stage_map.stage
    from (select distinct stage_label from deals) as labels
    left join cfg_stage_map as stage_map on stage_map.label_key = label_key(labels.stage_label)
),

reps as (
    select rep_id from int_reps_checked where outcome = 'loaded'
),

params as (
    select reporting_currency, earliest_timestamp, latest_timestamp from run_params
),

checked as (
    select
        deals.*,
        stage_labels.stage,
        params.earliest_timestamp,
        params.latest_timestamp,
        case
            when deals.currency is null or deals.currency = params.reporting_currency then 1.0
            else rates.rate
        end as exchange_rate,
        case
            when deals.deleted is not null then 'deleted'
            when deals.lookup_column is not null then 'lookup'
            when deals.deal_id is null then 'deal_id'
            when deals.rep_id is null then 'rep_id'
            when reps.rep_id is null then 'rep_id'
            when deals.region is null then 'region'
            when deals.product is null then 'product'
            when deals.amount_text is not null and deals.amount is null then 'amount'
            when deals.currency is not null and deals.currency <> params.reporting_currency and rates.rate is null then 'currency'
            when deals.created_at_text is null then 'created_at'
            when deals.created_at is null then 'created_at'
            when is_implausible(deals.created_at, params.earliest_timestamp, params.latest_timestamp) then 'created_at'
            when deals.expected_close_date_text is not null and deals.expected_close_date is null then 'expected_close_date'
            when is_implausible(deals.expected_close_date, params.earliest_timestamp, params.latest_timestamp) then 'expected_close_date'
            when deals.stage_label is null then 'stage'
            when stage_labels.stage is null then 'stage'
            when deals.history_column is not null then 'history'
        end as reject_column
    from deals
    cross join params
    left join stage_labels on stage_labels.stage_label = deals.stage_label
    left join reps on reps.rep_id = deals.rep_id
    left join cfg_exchange_rate as rates on rates.currency = deals.currency
),

-- Per deal_id, the first row without a problem of its own wins: one pass partitioned by deal_id
-- (no second read of the checked rows, no join back).
final as (
    select
        *,
        key_outcome(reject_column, ordinal, winner_ordinal, row_hash, winner_hash) as outcome,
        key_conflict_with(reject_column, ordinal, winner_ordinal, row_hash, winner_hash) as related_ordinal
    from (
        select
            checked.*,
            min(ordinal) filter (where reject_column is null) over (partition by deal_id) as winner_ordinal,
            arg_min(row_hash, ordinal) filter (where reject_column is null) over (partition by deal_id) as winner_hash
        from checked
    )
)

select
    ordinal,
    deal_id,
    deal_name,
    rep_id,
    account_name,
    region,
    product,
    company_size_text,
    lead_type_text,
    amount,
    exchange_rate,
    currency,
    created_at,
    created_at_column is not null or is_created_at_first_seen as created_at_is_estimated,
    case when is_created_at_first_seen then 'first seen' else created_at_column end as created_at_estimated_from,
    expected_close_date,
    stage,
    stage_label,
    loss_reason,
    forecast_category_text,
    outcome,
    related_ordinal,
    case when outcome = 'rejected' then case reject_column
        when 'history' then history_column
        when 'lookup' then lookup_column
        when 'created_at' then coalesce(created_at_column, 'created_at')
        else coalesce(reject_column, 'deal_id')
    end end as problem_column,
    case when outcome = 'rejected' then case coalesce(reject_column, 'deal_id')
        when 'deleted' then ''
        when 'rep_id' then coalesce(rep_id, '')
        when 'region' then ''
        when 'product' then ''
        when 'amount' then amount_text
        when 'currency' then currency_text
        when 'created_at' then coalesce(created_at_text, '')
        when 'expected_close_date' then expected_close_date_text
        when 'stage' then coalesce(stage_label, '')
        when 'history' then history_value
        when 'lookup' then lookup_value
        else coalesce(deal_id, '')
    end end as problem_value,
    case when outcome = 'rejected' then case
        when reject_column = 'deleted' then 'is true: the record is deleted in the CRM, so it is excluded (counted here, not loaded).'
        when reject_column = 'deal_id' then 'is empty. Every deal needs its id from the CRM.'
        when reject_column = 'rep_id' and rep_id is null then 'is empty. Every deal needs the rep who owns it, by the rep_id of {reps_file}.'
        when reject_column = 'rep_id' then 'names a rep who is not a loaded row of {reps_file}. Add the rep to {reps_file} (or fix that rep''s row there), or correct the id.'
        when reject_column = 'region' then 'is empty. Give the region the deal is sold in.'
        when reject_column = 'product' then 'is empty. Give the product the deal is for.'
        when reject_column = 'amount' then 'is not an amount. Write digits with an optional sign and currency symbol ($ € £ ¥), commas between thousands and a point before the cents, e.g. $1,234.50; or leave it empty.'
        when reject_column = 'currency' then 'has no exchange rate to the reporting currency. Add the rate to "exchangeRates" in the config file (units of the reporting currency per one unit of this one), or convert the amount.'
        when reject_column = 'created_at' and created_at_text is null then 'is empty. Every deal needs the time it was created (ISO 8601, e.g. 2024-03-01T10:00:00Z).'
        when reject_column = 'created_at' and created_at is not null then implausible_reason(created_at, earliest_timestamp, latest_timestamp)
        when reject_column = 'created_at' then 'is not a date and time. Write ISO 8601 (2024-03-01, 2024-03-01 10:00, 2024-03-01T10:00:00Z, with an optional offset such as +02:00), or add the format to "timestampFormats" in the config file.'
        when reject_column = 'expected_close_date' and expected_close_date is not null then implausible_reason(expected_close_date, earliest_timestamp, latest_timestamp)
        when reject_column = 'expected_close_date' then 'is not a date. Write ISO 8601 (2024-03-01), or add the format to "timestampFormats" in the config file; or leave it empty.'
        when reject_column = 'stage' and stage_label is null then 'is empty. Every deal needs its current stage.'
        when reject_column = 'stage' then 'is a stage label the stage map does not know. Map it to a canonical stage under {stage_map} (lead, connect_call, discovery_call, opportunity, demo, influencer_buy_in, decision_maker_buy_in, negotiation, closed_won, closed_lost).'
        when reject_column = 'lookup' then lookup_reason
        when reject_column = 'history' and history_problem = 'stage_label' and history_value is null then 'is empty, but the date it names the stage of is filled. Give the stage, or leave the date empty.'
        when reject_column = 'history' and history_problem = 'stage_label' then 'is a stage label the stage map does not know. Map it to a canonical stage under {stage_map} (lead, connect_call, discovery_call, opportunity, demo, influencer_buy_in, decision_maker_buy_in, negotiation, closed_won, closed_lost).'
        when reject_column = 'history' and history_problem = 'stage' then 'is filled, but no stage map knows its stage for its pipeline. Map the stage label under "stageMap" (or per pipeline under "hubspot.pipelineStageMaps") in the config file.'
        when reject_column = 'history' then 'is not a date and time. Write ISO 8601 (2024-03-01 10:00), or add the format to "timestampFormats" in the config file; or leave it empty.'
        else 'repeats the id of an earlier deal row with different values; the first row for it is on line {related_line}. Keep one row per deal, or make the rows identical.'
    end end as problem_reason
from final

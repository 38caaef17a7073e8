/*
description: Every stage_history.csv record with its outcome (loaded, duplicate or rejected) and,
  when rejected, the first problem in column order. The file has no key: a row identical in every
  field to an earlier loaded row is a duplicate. History rows of a rejected deal are rejected too,
  naming the deal's own rejection. Grain: input record.
*/
with stage_labels as materialized (
    select labels.stage_label, stage_map.stage
    from (select distinct stage_label from stg_stage_history) as labels
    left join cfg_stage_map as stage_map on stage_map.label_key = label_key(labels.stage_label)
),

-- Per deal_id of deals.csv: the row that loaded, or else its first rejected row (a malformed
-- record, with a negative ordinal, when no parsed row was rejected).
deals as materialized (
    select
        deal_id,
        bool_or(outcome = 'loaded') as is_loaded,
        coalesce(min(ordinal) filter (where outcome = 'rejected' and ordinal >= 0), max(ordinal) filter (where ordinal < 0)) as rejected_ordinal
    from (
        select deal_id, outcome, ordinal from int_deals_checked
        union all
        select deal_id, 'rejected', ordinal from stg_deals_malformed
    ) as records
    where deal_id is not null
    group by deal_id
),

reps as (
    select rep_id from int_reps_checked where outcome = 'loaded'
),

-- Only the few columns later steps need leave this step: the problem's value and reason are
-- worked out here, so the record's text does not travel through the joins below.
checked as (
    select
        ordinal,
        row_hash,
        deal_id,
        stage,
        stage_label,
        entered_at,
        amount,
        expected_close_date,
        reject_column,
        lookup_column,
        case when reject_column is not null then
            case reject_column
                when 'deleted' then ''
                when 'lookup' then lookup_value
                when 'deal_id' then coalesce(deal_id, '')
                when 'stage' then coalesce(stage_label, '')
                when 'entered_at' then coalesce(entered_at_text, '')
                when 'rep_id' then rep_id
                when 'amount' then amount_text
                when 'expected_close_date' then expected_close_date_text
            end
        end as problem_value,
        case when reject_column is not null then
            case
                when reject_column = 'lookup' then lookup_reason
                when reject_column = 'deleted' and deleted = 'not_stage' then 'is not "dealstage": only stage changes make a timeline, so this row is counted here and skipped.'
                when reject_column = 'deleted' and deleted = 'deal' then 'is true for its opportunity: the deal is deleted in the CRM, so its history is excluded with it (counted here, not loaded).'
                when reject_column = 'deleted' then 'is true: the record is deleted in the CRM, so it is excluded (counted here, not loaded).'
                when reject_column = 'deal_id' and deal_id is null then 'is empty. Every history row needs the deal_id of its deal in {deals_file}.'
                when reject_column = 'deal_id' and deal_rejected_ordinal is not null then 'names a deal that was rejected ({related_file} line {related_line}: {related_reason}). Fix that deal''s row and this row loads with it.'
                when reject_column = 'deal_id' then 'names a deal that is not in {deals_file}. Export the deal too, or drop its history rows.'
                when reject_column = 'stage' and stage_label is null then 'is empty. Every history row needs the stage the deal entered.'
                when reject_column = 'stage' then 'is a stage label the stage map does not know. Map it to a canonical stage under {stage_map} (lead, connect_call, discovery_call, opportunity, demo, influencer_buy_in, decision_maker_buy_in, negotiation, closed_won, closed_lost).'
                when reject_column = 'entered_at' and entered_at_text is null then 'is empty. Every history row needs the time the stage was entered (ISO 8601, e.g. 2024-03-01T10:00:00Z).'
                when reject_column = 'entered_at' and entered_at is not null then implausible_reason(entered_at, earliest_timestamp, latest_timestamp)
                when reject_column = 'entered_at' then 'is not a date and time. Write ISO 8601 (2024-03-01, 2024-03-01 10:00, 2024-03-01T10:00:00Z, with an optional offset such as +02:00), or add the format to "timestampFormats" in the config file.'
                when reject_column = 'rep_id' then 'names a rep who is not a loaded row of {reps_file}. Add the rep to {reps_file} (or fix that rep''s row there), correct the id, or leave it empty.'
                when reject_column = 'amount' then 'is not an amount. Write digits with an optional sign and currency symbol ($ € £ ¥), commas between thousands and a point before the cents, e.g. $1,234.50; or leave it empty.'
                when reject_column = 'expected_close_date' and expected_close_date is not null then implausible_reason(expected_close_date, earliest_timestamp, latest_timestamp)
                when reject_column = 'expected_close_date' then 'is not a date. Write ISO 8601 (2024-03-01), or add the format to "timestampFormats" in the config file; or leave it empty.'
            end
        end as problem_reason,
        case when reject_column = 'deal_id' then deal_rejected_ordinal end as related_ordinal
    from (
        select
            history.*,
            stage_labels.stage,
            deals.rejected_ordinal as deal_rejected_ordinal,
            params.earliest_timestamp,
            params.latest_timestamp,
            case
                when history.deleted is not null then 'deleted'
                when history.lookup_column is not null then 'lookup'
                when history.deal_id is null then 'deal_id'
                when deals.is_loaded is not true then 'deal_id'
                when history.stage_label is null then 'stage'
                when stage_labels.stage is null then 'stage'
                when history.entered_at_text is null then 'entered_at'
                when history.entered_at is null then 'entered_at'
                when is_implausible(history.entered_at, params.earliest_timestamp, params.latest_timestamp) then 'entered_at'
                when history.rep_id is not null and reps.rep_id is null then 'rep_id'
                when history.amount_text is not null and history.amount is null then 'amount'
                when history.expected_close_date_text is not null and history.expected_close_date is null then 'expected_close_date'
                when is_implausible(history.expected_close_date, params.earliest_timestamp, params.latest_timestamp) then 'expected_close_date'
            end as reject_column
        from stg_stage_history as history
        left join stage_labels on stage_labels.stage_label = history.stage_label
        left join deals on deals.deal_id = history.deal_id
        left join reps on reps.rep_id = history.rep_id
        cross join run_params as params
    ) as rows
),

-- Rows identical in every field have the same hash, and so the same problems or none: the first
-- of them is the one that can load, the later ones are duplicates. Read from the staging rows'
-- hashes alone, so the checked rows are read once.
repeated as (
    select row_hash, min(ordinal) as first_ordinal
    from stg_stage_history
    group by row_hash
    having count(*) > 1
)

select
    checked.ordinal,
    checked.deal_id,
    checked.stage,
    checked.stage_label,
    checked.entered_at,
    checked.amount,
    checked.expected_close_date,
    case
        when checked.reject_column is not null then 'rejected'
        when repeated.first_ordinal < checked.ordinal then 'duplicate'
        else 'loaded'
    end as outcome,
    case checked.reject_column when 'lookup' then checked.lookup_column else checked.reject_column end as problem_column,
    checked.problem_value,
    checked.problem_reason,
    checked.related_ordinal
from checked
left join repeated using (row_hash)

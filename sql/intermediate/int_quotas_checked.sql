/*
description: Every quotas.csv record with its outcome (loaded, duplicate or rejected) and, when
  rejected, the first problem. Key: (rep_id, period_start). Grain: input record.
*/
with reps as (
    select rep_id from int_reps_checked where outcome = 'loaded'
),

checked as (
    select
        quotas.*,
        params.earliest_timestamp,
        params.latest_timestamp,
        case
            when quotas.lookup_column is not null then 'lookup'
            when quotas.rep_id is null then 'rep_id'
            when reps.rep_id is null then 'rep_id'
            when quotas.period_start_text is null or quotas.period_start is null then 'period_start'
            when is_implausible(quotas.period_start, params.earliest_timestamp, params.latest_timestamp) then 'period_start'
            when quotas.period_end_text is null or quotas.period_end is null then 'period_end'
            when is_implausible(quotas.period_end, params.earliest_timestamp, params.latest_timestamp) then 'period_end'
            when quotas.period_end < quotas.period_start then 'period_end'
            when quotas.quota_text is null or quotas.quota is null then 'quota'
        end as reject_column
    from stg_quotas as quotas
    left join reps on reps.rep_id = quotas.rep_id
    cross join run_params as params
),

key_winners as (
    select rep_id, period_start, min(ordinal) as winner_ordinal, arg_min(row_hash, ordinal) as winner_hash
    from checked
    where reject_column is null
    group by rep_id, period_start
),

final as (
    select
        checked.*,
        key_outcome(reject_column, ordinal, winner_ordinal, row_hash, winner_hash) as outcome,
        key_conflict_with(reject_column, ordinal, winner_ordinal, row_hash, winner_hash) as related_ordinal
    from checked
    left join key_winners using (rep_id, period_start)
)

select
    *,
    case when outcome = 'rejected' then case reject_column when 'lookup' then lookup_column else coalesce(reject_column, 'period_start') end end as problem_column,
    case when outcome = 'rejected' then case coalesce(reject_column, 'period_start')
        when 'lookup' then lookup_value
        when 'rep_id' then coalesce(rep_id, '')
        when 'period_start' then coalesce(period_start_text, '')
        when 'period_end' then coalesce(period_end_text, '')
        when 'quota' then coalesce(quota_text, '')
    end end as problem_value,
    case when outcome = 'rejected' then case
        when reject_column = 'lookup' then lookup_reason
        when reject_column = 'rep_id' and rep_id is null then 'is empty. Every quota belongs to a rep of {reps_file}.'
        when reject_column = 'rep_id' then 'names a rep who is not a loaded row of {reps_file}. Add the rep to {reps_file} (or fix that rep''s row there), or correct the id.'
        when reject_column = 'period_start' and is_implausible(period_start, earliest_timestamp, latest_timestamp) then implausible_reason(period_start, earliest_timestamp, latest_timestamp)
        when reject_column = 'period_end' and is_implausible(period_end, earliest_timestamp, latest_timestamp) then implausible_reason(period_end, earliest_timestamp, latest_timestamp)
        when reject_column in ('period_start', 'period_end') and period_end < period_start then 'is before period_start. A quota period ends on or after the day it starts.'
        when reject_column in ('period_start', 'period_end') then 'is empty or not a date. Write ISO 8601 (2024-01-01).'
        when reject_column = 'quota' then 'is empty or not an amount. Write digits with an optional currency symbol and commas between thousands, e.g. $250,000.'
        else 'repeats a (rep_id, period_start) with different values; the first row for it is on line {related_line}. Keep one quota per rep and period.'
    end end as problem_reason
from final

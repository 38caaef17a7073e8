/*
description: Every reps.csv record with its outcome (loaded, duplicate or rejected) and, when
  rejected, the first problem: column, value and a reason saying how to fix it. The first row of a
  rep_id without a problem of its own loads; a later row identical in every field is a duplicate;
  a later row with different values is rejected. Grain: input record.
*/
with checked as (
    select
        *,
        case
            when lookup_column is not null then 'lookup'
            when rep_id is null then 'rep_id'
            when rep_name is null then 'rep_name'
            when team is null then 'team'
            when region is null then 'region'
            when active_text is not null and is_active is null then 'active'
        end as reject_column
    from stg_reps
),

key_winners as (
    select rep_id, min(ordinal) as winner_ordinal, arg_min(row_hash, ordinal) as winner_hash
    from checked
    where reject_column is null
    group by rep_id
),

final as (
    select
        checked.*,
        key_outcome(reject_column, ordinal, winner_ordinal, row_hash, winner_hash) as outcome,
        case when reject_column is not null or (ordinal <> winner_ordinal and row_hash <> winner_hash) then case reject_column when 'lookup' then lookup_column else coalesce(reject_column, 'rep_id') end end as problem_column,
        case reject_column
            when 'lookup' then lookup_value
            when 'rep_id' then ''
            when 'rep_name' then ''
            when 'team' then ''
            when 'region' then ''
            when 'active' then active_text
            else rep_id
        end as problem_value,
        case reject_column
            when 'lookup' then lookup_reason
            when 'rep_id' then 'is empty. Every rep needs the id that {deals_file} uses for them.'
            when 'rep_name' then 'is empty. Give the rep''s name as the reports should show it.'
            when 'team' then 'is empty. Give the team the rep belongs to (managers'' workbooks group reps by team).'
            when 'region' then 'is empty. Give the rep''s sales region.'
            when 'active' then 'is not a yes/no value. Write true or false (yes/no, 1/0 and active/inactive work too), or leave it empty.'
            else 'repeats the id of an earlier rep row with different values; the first row for it is on line {related_line}. Keep one row per rep, or make the rows identical.'
        end as problem_reason,
        key_conflict_with(reject_column, ordinal, winner_ordinal, row_hash, winner_hash) as related_ordinal
    from checked
    left join key_winners using (rep_id)
)

select * from final

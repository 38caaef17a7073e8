-- Contradictions kept in the warehouse for the data-quality page: per kind in a fixed order, its
-- count (marts.data_quality) and the first $limit of its rows (marts.data_contradictions) with
-- what to show. Grain: contradiction (at most $limit per kind; a kind with none has a row with a
-- NULL subject).
with kinds(kind, kind_order, label) as (
    values
        ('closed_before_created', 1, 'Closed before created'),
        ('history_before_created', 2, 'Stage history before created'),
        ('unknown_manager', 3, 'Manager id names no rep')
),

counts as (
    select
        kinds.*,
        case kinds.kind
            when 'closed_before_created' then quality.closed_before_created
            when 'history_before_created' then quality.history_before_created
            else quality.unknown_managers
        end as kind_count
    from kinds
    cross join marts.data_quality as quality
),

listed as (
    select
        kind,
        row_number() over (partition by kind order by coalesce(deal_id, rep_id)) as position,
        case when deal_id is not null then 'deal ' || deal_id else 'rep ' || rep_id end as subject,
        case kind
            when 'closed_before_created' then 'created ' || strftime(created_at, '%Y-%m-%d %H:%M') || ', closed ' || strftime(contradicting_at, '%Y-%m-%d %H:%M')
            when 'history_before_created' then 'created ' || strftime(created_at, '%Y-%m-%d %H:%M') || ', first stage entered ' || strftime(contradicting_at, '%Y-%m-%d %H:%M')
                || ' (' || history_rows || case when history_rows = 1 then ' history row' else ' history rows' end || ' before creation)'
            else 'manager_id ' || manager_id || ' is the rep_id of no rep'
        end as detail
    from marts.data_contradictions
)

select counts.kind, counts.label, counts.kind_count, listed.position, listed.subject, listed.detail
from counts
left join listed on listed.kind = counts.kind and listed.position <= $limit
order by counts.kind_order, listed.position

-- Contradictions kept in the warehouse (marts.data_contradictions) for the data-quality page:
-- per kind in a fixed order, how many there are, and the first $limit of each with what to show.
-- Grain: contradiction (at most $limit per kind; a kind with none has a row with a NULL subject).
with kinds(kind, kind_order, label) as (
    values
        ('closed_before_created', 1, 'Closed before created'),
        ('history_before_created', 2, 'Stage history before created'),
        ('unknown_manager', 3, 'Manager id names no rep')
),

listed as (
    select
        kind,
        count(*) over (partition by kind) as kind_count,
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

select kinds.kind, kinds.label, coalesce(listed.kind_count, 0) as kind_count, listed.position, listed.subject, listed.detail
from kinds
left join listed on listed.kind = kinds.kind and listed.position <= $limit
order by kinds.kind_order, listed.position

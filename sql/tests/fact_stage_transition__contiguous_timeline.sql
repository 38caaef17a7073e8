-- Each deal's timeline is seq 1..n without gaps, every entry's exited_at is the next entry's
-- entered_at, and no two consecutive entries have the same stage (they are collapsed).
with entries as (
    select
        deal_id,
        seq,
        stage,
        exited_at,
        lead(entered_at) over (partition by deal_id order by seq) as next_entered_at,
        lead(stage) over (partition by deal_id order by seq) as following_stage,
        row_number() over (partition by deal_id order by seq) as position
    from core.fact_stage_transition
)

select *
from entries
where seq <> position
    or exited_at is distinct from next_entered_at
    or stage = following_stage

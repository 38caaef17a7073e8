-- Current reps with whether they have deals in the 12 months before T ($as_of + 1 day): a deal
-- open at T, or created or closed in [T - 12 months, T). Grain: rep.
with params as (
    select cast($as_of as date) + interval 1 day as as_of_instant
),

recent as (
    select distinct deals.rep_id
    from core.fact_deal as deals
    cross join params
    where deals.status = 'open'
        or deals.created_at >= params.as_of_instant - interval 12 month
        or deals.closed_at >= params.as_of_instant - interval 12 month
),

final as (
    select
        reps.rep_id,
        reps.rep_name,
        reps.team,
        reps.region,
        recent.rep_id is not null as has_recent_deals
    from core.dim_rep as reps
    left join recent using (rep_id)
    where reps.is_current
)

select * from final order by team, rep_name, rep_id

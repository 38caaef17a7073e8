/*
description: The roster the reports are written for: every current rep of core.dim_rep, with or
  without deals, with what the reports need to know about the rep's book. A rep has recent deals
  when one of its deals is open at T or was created or closed in the 12 months before T; the
  teams' medians are taken over those reps. Grain: rep.
columns:
  as_of: The run's as-of date.
  rep_id: The rep.
  rep_name: The rep's name.
  team: The rep's current team.
  region: The rep's region.
  is_active: False when reps.csv marks the rep inactive; NULL when it does not say.
  deals: Deals of the rep in core.fact_deal (any status, any date).
  open_deals: Deals of the rep open at T.
  open_amount: Their amounts, DECIMAL(18,2).
  has_recent_deals: A deal open at T, or created or closed in [T - 12 months, T).
  is_inactive_with_open_deals: Marked inactive, yet still owning open deals (someone must take them over).
*/
with params as (
    select as_of, as_of_instant from run_params
),

books as (
    select
        deals.rep_id,
        count(*) as deals,
        count(*) filter (where deals.status = 'open') as open_deals,
        cast(coalesce(sum(deals.amount) filter (where deals.status = 'open'), 0) as decimal(18, 2)) as open_amount,
        bool_or(deals.status = 'open'
            or deals.created_at >= params.as_of_instant - interval '12' month
            or deals.closed_at >= params.as_of_instant - interval '12' month) as has_recent_deals
    from core.fact_deal as deals
    cross join params
    group by deals.rep_id
)

select
    params.as_of,
    reps.rep_id,
    reps.rep_name,
    reps.team,
    reps.region,
    reps.is_active,
    coalesce(books.deals, 0) as deals,
    coalesce(books.open_deals, 0) as open_deals,
    coalesce(books.open_amount, 0) as open_amount,
    coalesce(books.has_recent_deals, false) as has_recent_deals,
    coalesce(reps.is_active = false and books.open_deals > 0, false) as is_inactive_with_open_deals
from core.dim_rep as reps
cross join params
left join books using (rep_id)
where reps.is_current
order by reps.team, reps.rep_name, reps.rep_id

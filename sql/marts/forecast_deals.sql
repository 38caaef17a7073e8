/*
description: Every deal open at T with what it is expected to bring to the current and the next
  month and quarter (the open-deal part of marts.forecast_scopes): its chance of being won in
  [max(T, P.start), P.end) and its expected amount there, learned from the deals open at the same
  moment in the 24 months before (int_forecast_open_deals; README "Forecast"). What a rep should
  work first: the deals with the largest expected amount. Grain: period_type, period, deal_id.
columns:
  as_of: The run's as-of date.
  period_type: month or quarter.
  period: current or next.
  period_start: First day of P.
  deal_id: The deal.
  deal_name: Its name, as exported.
  rep_id: Its rep (core.fact_deal).
  team: The rep's current team (core.dim_rep); NULL when the rep has none.
  stage: Its current stage (canonical; core.dim_stage has the user's label).
  amount: Its amount known at T, DECIMAL(18,2); NULL when none is known.
  expected_close_date: Its expected close date known at T.
  is_overdue: True when it reached opportunity and its expected close date is before the as-of date (counted in overdue_open).
  is_in_period: True when it reached opportunity and its expected close date falls in [max(as-of date, P.start), P.end) (counted in open_in_period).
  win_probability: Its chance of being won in [max(T, P.start), P.end), DOUBLE.
  expected_amount: What it is expected to bring to P, DECIMAL(18,2).
  rank_in_rep: 1 for the rep's deal with the largest expected amount in P, then 2, ...
*/
select
    params.as_of,
    periods.period_type,
    periods.period,
    periods.period_start,
    open_deals.deal_id,
    deals.deal_name,
    deals.rep_id,
    reps.team,
    open_deals.stage,
    deals.amount,
    deals.expected_close_date,
    coalesce(deals.max_stage_order >= 4 and deals.expected_close_date < params.as_of, false) as is_overdue,
    coalesce(deals.max_stage_order >= 4
        and deals.expected_close_date >= greatest(params.as_of, periods.period_start)
        and deals.expected_close_date < periods.period_end, false) as is_in_period,
    open_deals.win_probability,
    cast(open_deals.expected_amount as decimal(18, 2)) as expected_amount,
    row_number() over (
        partition by periods.period_type, periods.period, deals.rep_id
        order by open_deals.expected_amount desc, open_deals.deal_id) as rank_in_rep
from int_forecast_open_deals as open_deals
join int_forecast_periods as periods using (origin, period_type, period_start)
join core.fact_deal as deals using (deal_id)
left join core.dim_rep as reps on reps.rep_id = deals.rep_id and reps.is_current
cross join run_params as params
where periods.kind = 'forecast'
order by periods.period_type, periods.period, deals.rep_id, rank_in_rep

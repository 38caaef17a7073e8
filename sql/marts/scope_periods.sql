/*
description: Outcome figures of the company, each team and each current rep over the periods the
  scorecards show, all ending at T: this month and this quarter to date (from the first day of the
  as-of date's month or quarter) and the trailing 12 months [T - 12 months, T). Over the deals
  closed in the period (METRICS.md section 5). opportunity_win_rate is the figure comparable with
  published "opportunity to closed won" win rates: it counts only closed deals that reached
  opportunity. Every scope of int_scopes has a row per period (zeros without deals).
  Grain: scope_type, team, rep_id, period.
columns:
  as_of: The run's as-of date.
  scope_type: company, team or rep.
  team: The team; NULL for the company.
  rep_id: The rep; NULL for the company and team rows.
  period: this_month, this_quarter or trailing_12_months.
  period_order: 1, 2, 3 in that order.
  period_start: First instant of the period.
  period_end: End of the period (exclusive): T.
  closed: Deals closed (won or lost) in the period.
  won: Deals won in it.
  amount_won: Sum of their amounts, DECIMAL(18,2).
  won_with_amount: Won deals that have an amount.
  win_rate: won / closed; NULL when none closed.
  avg_won_amount: Mean amount of the won deals with an amount; NULL when there is none.
  median_cycle_days: Median sales cycle of the won deals (interpolated); NULL when none was won.
  opportunity_closed: Closed deals that reached opportunity (stage order >= 4) before closing.
  opportunity_won: Of those, the won ones.
  opportunity_win_rate: opportunity_won / opportunity_closed; NULL when none closed.
*/
with params as (
    select as_of, as_of_instant from run_params
),

periods as (
    select 'this_month' as period, 1 as period_order, cast(date_trunc('month', as_of) as timestamp) as period_start, as_of_instant as period_end from params
    union all
    select 'this_quarter', 2, cast(date_trunc('quarter', as_of) as timestamp), as_of_instant from params
    union all
    select 'trailing_12_months', 3, as_of_instant - interval '12' month, as_of_instant from params
),

closes as (
    select
        scopes.scope_type,
        scopes.team,
        scopes.rep_id,
        periods.period,
        count(*) as closed,
        count(*) filter (where deals.status = 'won') as won,
        cast(coalesce(sum(deals.amount) filter (where deals.status = 'won'), 0) as decimal(18, 2)) as amount_won,
        count(deals.amount) filter (where deals.status = 'won') as won_with_amount,
        median(deals.cycle_days) filter (where deals.status = 'won') as median_cycle_days,
        count(*) filter (where deals.max_stage_order >= 4) as opportunity_closed,
        count(*) filter (where deals.max_stage_order >= 4 and deals.status = 'won') as opportunity_won
    from core.fact_deal as deals
    join periods on deals.closed_at >= periods.period_start and deals.closed_at < periods.period_end
    join int_deal_scopes as scopes using (deal_id)
    where deals.status in ('won', 'lost')
    group by all
)

select
    params.as_of,
    scopes.scope_type,
    scopes.team,
    scopes.rep_id,
    periods.period,
    periods.period_order,
    periods.period_start,
    periods.period_end,
    coalesce(closes.closed, 0) as closed,
    coalesce(closes.won, 0) as won,
    coalesce(closes.amount_won, 0) as amount_won,
    coalesce(closes.won_with_amount, 0) as won_with_amount,
    closes.won / nullif(closes.closed, 0) as win_rate,
    cast(closes.amount_won as double) / nullif(closes.won_with_amount, 0) as avg_won_amount,
    closes.median_cycle_days,
    coalesce(closes.opportunity_closed, 0) as opportunity_closed,
    coalesce(closes.opportunity_won, 0) as opportunity_won,
    closes.opportunity_won / nullif(closes.opportunity_closed, 0) as opportunity_win_rate
from int_scopes as scopes
cross join periods
cross join params
left join closes
    on closes.scope_type = scopes.scope_type and closes.team is not distinct from scopes.team
    and closes.rep_id is not distinct from scopes.rep_id and closes.period = periods.period
order by scopes.scope_type, scopes.team, scopes.rep_id, periods.period_order

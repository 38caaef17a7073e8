/*
description: Monthly figures of the company, each team and each current rep, for the 12 complete
  months before T and, when the as-of date is not a month's last day, its month to date: the
  health reports' headline tiles and trend chart, and the rep workbooks' Trend sheet. Closes as in
  marts.outcomes_monthly (METRICS.md section 5); new pipeline as in pipeline_creation (section 6):
  deals whose first entry of order >= 4 falls in the month; open pipeline at the month's cut
  (its end, or T for the month to date): deals in a non-terminal timeline entry then. Amounts are
  core.fact_deal's. Every scope of int_scopes has a row per month (zeros without deals).
  Grain: scope_type, team, rep_id, month.
columns:
  as_of: The run's as-of date.
  scope_type: company, team or rep (int_deal_scopes says which deals each holds).
  team: The team; NULL for the company.
  rep_id: The rep; NULL for the company and team rows.
  month: First day of the UTC month.
  month_cut: Where the month's figures stop: the next month's first day, or T for the month to date.
  is_complete: False for the as-of date's month when it has not ended by T.
  closed: Deals closed (won or lost) in [month, month_cut).
  won: Deals won in it.
  lost: Deals lost in it.
  amount_won: Sum of the won deals' amounts, DECIMAL(18,2).
  amount_lost: Sum of the lost deals' amounts, DECIMAL(18,2).
  won_with_amount: Won deals that have an amount (the denominator of avg_won_amount).
  win_rate: won / closed; NULL when none closed.
  avg_won_amount: Mean amount of the won deals with an amount; NULL when there is none.
  cycle_days_won_sum: Sum of the won deals' sales cycles in days (divide by won for the mean).
  median_cycle_days_won: Median sales cycle of the won deals (interpolated); NULL when none was won.
  new_pipeline_deals: Deals whose first entry of order >= 4 (opportunity or later) falls in the month.
  new_pipeline_amount: Their amounts, DECIMAL(18,2).
  open_deals_at_cut: Deals in a non-terminal timeline entry at month_cut.
  open_amount_at_cut: Their amounts, DECIMAL(18,2).
*/
with params as (
    select as_of, as_of_instant, cast(date_trunc('month', as_of_instant) as date) as end_month
    from run_params
),

months as (
    select
        cast(months.month as date) as month,
        least(months.month + interval '1' month, params.as_of_instant) as month_cut,
        months.month + interval '1' month <= params.as_of_instant as is_complete
    from params,
        range(params.end_month - interval '12' month, params.as_of_instant, interval '1' month) as months(month)
),

closes as (
    select
        scopes.scope_type,
        scopes.team,
        scopes.rep_id,
        cast(date_trunc('month', deals.closed_at) as date) as month,
        count(*) as closed,
        count(*) filter (where deals.status = 'won') as won,
        count(*) filter (where deals.status = 'lost') as lost,
        cast(coalesce(sum(deals.amount) filter (where deals.status = 'won'), 0) as decimal(18, 2)) as amount_won,
        cast(coalesce(sum(deals.amount) filter (where deals.status = 'lost'), 0) as decimal(18, 2)) as amount_lost,
        count(deals.amount) filter (where deals.status = 'won') as won_with_amount,
        -- summed in whole microseconds, as marts.outcomes_monthly does
        coalesce(sum(epoch_us(deals.closed_at) - epoch_us(deals.start_at)) filter (where deals.status = 'won'), 0) / 86400e6 as cycle_days_won_sum,
        median(deals.cycle_days) filter (where deals.status = 'won') as median_cycle_days_won
    from core.fact_deal as deals
    join int_deal_scopes as scopes using (deal_id)
    cross join params
    where deals.status in ('won', 'lost')
        and deals.closed_at >= params.end_month - interval '12' month
    group by all
),

opportunity_starts as (
    select deal_id, min(entered_at) as opportunity_at
    from core.fact_stage_transition
    where stage_order >= 4
    group by deal_id
),

new_pipeline as (
    select
        scopes.scope_type,
        scopes.team,
        scopes.rep_id,
        cast(date_trunc('month', starts.opportunity_at) as date) as month,
        count(*) as new_pipeline_deals,
        cast(coalesce(sum(deals.amount), 0) as decimal(18, 2)) as new_pipeline_amount
    from opportunity_starts as starts
    join core.fact_deal as deals using (deal_id)
    join int_deal_scopes as scopes using (deal_id)
    cross join params
    where starts.opportunity_at >= params.end_month - interval '12' month
    group by all
),

-- The deal's non-terminal entry at each month's cut, if any (a deal has at most one entry at an instant).
open_at_cut as (
    select months.month, transitions.deal_id
    from months
    join core.fact_stage_transition as transitions
        on transitions.entered_at < months.month_cut
        and coalesce(transitions.exited_at, timestamp 'infinity') >= months.month_cut
    where transitions.stage not in ('closed_won', 'closed_lost')
),

open_pipeline as (
    select
        scopes.scope_type,
        scopes.team,
        scopes.rep_id,
        open_at_cut.month,
        count(*) as open_deals_at_cut,
        cast(coalesce(sum(deals.amount), 0) as decimal(18, 2)) as open_amount_at_cut
    from open_at_cut
    join core.fact_deal as deals using (deal_id)
    join int_deal_scopes as scopes using (deal_id)
    group by all
)

select
    params.as_of,
    scopes.scope_type,
    scopes.team,
    scopes.rep_id,
    months.month,
    months.month_cut,
    months.is_complete,
    coalesce(closes.closed, 0) as closed,
    coalesce(closes.won, 0) as won,
    coalesce(closes.lost, 0) as lost,
    coalesce(closes.amount_won, 0) as amount_won,
    coalesce(closes.amount_lost, 0) as amount_lost,
    coalesce(closes.won_with_amount, 0) as won_with_amount,
    closes.won / nullif(closes.closed, 0) as win_rate,
    cast(closes.amount_won as double) / nullif(closes.won_with_amount, 0) as avg_won_amount,
    coalesce(closes.cycle_days_won_sum, 0) as cycle_days_won_sum,
    closes.median_cycle_days_won,
    coalesce(new_pipeline.new_pipeline_deals, 0) as new_pipeline_deals,
    coalesce(new_pipeline.new_pipeline_amount, 0) as new_pipeline_amount,
    coalesce(open_pipeline.open_deals_at_cut, 0) as open_deals_at_cut,
    coalesce(open_pipeline.open_amount_at_cut, 0) as open_amount_at_cut
from int_scopes as scopes
cross join months
cross join params
left join closes
    on closes.scope_type = scopes.scope_type and closes.team is not distinct from scopes.team
    and closes.rep_id is not distinct from scopes.rep_id and closes.month = months.month
left join new_pipeline
    on new_pipeline.scope_type = scopes.scope_type and new_pipeline.team is not distinct from scopes.team
    and new_pipeline.rep_id is not distinct from scopes.rep_id and new_pipeline.month = months.month
left join open_pipeline
    on open_pipeline.scope_type = scopes.scope_type and open_pipeline.team is not distinct from scopes.team
    and open_pipeline.rep_id is not distinct from scopes.rep_id and open_pipeline.month = months.month
order by scopes.scope_type, scopes.team, scopes.rep_id, months.month

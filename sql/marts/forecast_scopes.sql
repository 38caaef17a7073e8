/*
description: The forecast at the run's as-of (METRICS.md section 8) for the current and the next
  month and quarter, for the company, each team and each current rep, beside quota, attainment
  and coverage (marts.period_attainment): what the reports show. A rep's forecast counts the rep's
  open deals and the rep's own history of deals created and won inside a window. The method is
  int_forecast's (README "Forecast"). Grain: period_type, period, scope_type, scope.
columns:
  as_of: The run's as-of date.
  period_type: month or quarter.
  period: current or next.
  period_start: First day of P.
  period_end: First day after P.
  scope_type: company, team or rep.
  scope: 'company', the team, or the rep_id.
  team: The team (team rows; the rep's current team for rep rows); NULL for the company.
  rep_id: The rep for rep rows; NULL otherwise.
  rep_name: The rep's name for rep rows.
  won_to_date: Amount won with closed_at in [P.start, min(T, P.end)), DECIMAL(18,2) (as period_attainment).
  expected_from_open: Expected amount won in [max(T, P.start), P.end) from the deals open at T, DECIMAL(18,2); NULL when there is no history to learn from.
  expected_from_new: Expected amount won in that span by deals created after T, DECIMAL(18,2); NULL when there is no history to learn from.
  expected_additional: expected_from_open + expected_from_new, DECIMAL(18,2).
  forecast_total: won_to_date + expected_additional, DECIMAL(18,2).
  low: 10th percentile of the forecast total, DECIMAL(18,2) (never below won_to_date).
  high: 90th percentile of the forecast total, DECIMAL(18,2).
  quota: The scope's quota for P (period_attainment); NULL without one.
  attainment: won_to_date / quota; NULL without a quota.
  forecast_attainment: forecast_total / quota; NULL without a quota.
  shortfall: quota - forecast_total (negative: the forecast exceeds quota); NULL without a quota.
  gap: quota - won_to_date, what is still needed; NULL without a quota.
  open_in_period: As period_attainment: open deals at T that reached opportunity, expected to close in [max(as-of date, P.start), P.end).
  overdue_open: As period_attainment: such deals expected to close before the as-of date.
  coverage: As period_attainment: open_in_period / (quota - won_to_date).
  baseline_weighted_pipeline: won_to_date + sum over the open in period deals of amount * the stage's default probability, DECIMAL(18,2).
  baseline_run_rate: won_to_date + the mean won amount of the 3 latest periods of the type ending at or before min(T, P.start) * the remaining share of P, DECIMAL(18,2).
  open_deals: Deals open at T in the scope.
  training_windows: Training windows the forecast learned from (0: no forecast, too little history).
  commit_rollup: The CRM's own call, where the export carries its forecast category (core.fact_deal.forecast_category): won_to_date (Closed) + the open deals in Commit expected to close in [max(as-of date, P.start), P.end), DECIMAL(18,2); NULL when no deal has a category.
  best_case_rollup: commit_rollup + the open deals in Best Case expected to close in that span, DECIMAL(18,2); NULL when no deal has a category.
*/
with forecasts as (
    select
        *,
        expected_from_open + expected_from_new as expected_additional,
        sqrt(variance) as sd
    from int_forecast
    where kind = 'forecast'
),

categories as (
    select
        periods.period_type,
        periods.period,
        scopes.scope_type,
        scopes.scope_id,
        coalesce(sum(deals.amount) filter (where deals.forecast_category = 'commit'), 0) as commit_open,
        coalesce(sum(deals.amount) filter (where deals.forecast_category = 'best_case'), 0) as best_case_open
    from int_forecast_periods as periods
    cross join run_params as params
    join core.fact_deal as deals
        on deals.status = 'open'
        and deals.expected_close_date >= greatest(params.as_of, periods.period_start)
        and deals.expected_close_date < periods.period_end
    join int_deal_scopes as scopes using (deal_id)
    where periods.kind = 'forecast'
    group by all
),

has_categories as (
    select count(*) filter (where forecast_category is not null) > 0 as has_categories from core.fact_deal
),

attainment as (
    select
        period_type,
        period,
        scope_type,
        case scope_type when 'company' then '' when 'team' then team else rep_id end as scope_id,
        team,
        rep_id,
        rep_name,
        quota,
        won_to_date,
        open_in_period,
        overdue_open,
        coverage
    from marts.period_attainment
)

select
    forecasts.as_of,
    forecasts.period_type,
    forecasts.period,
    forecasts.period_start,
    forecasts.period_end,
    forecasts.scope_type,
    case forecasts.scope_type when 'company' then 'company' else forecasts.scope_id end as scope,
    attainment.team,
    attainment.rep_id,
    attainment.rep_name,
    forecasts.won_to_date,
    cast(forecasts.expected_from_open as decimal(18, 2)) as expected_from_open,
    cast(forecasts.expected_from_new as decimal(18, 2)) as expected_from_new,
    cast(forecasts.expected_additional as decimal(18, 2)) as expected_additional,
    cast(forecasts.won_to_date + forecasts.expected_additional as decimal(18, 2)) as forecast_total,
    cast(forecasts.won_to_date + greatest(forecasts.expected_additional - 1.2816 * forecasts.sd, 0) as decimal(18, 2)) as low,
    cast(forecasts.won_to_date + forecasts.expected_additional + 1.2816 * forecasts.sd as decimal(18, 2)) as high,
    attainment.quota,
    cast(forecasts.won_to_date as double) / nullif(cast(attainment.quota as double), 0) as attainment,
    cast(cast(forecasts.won_to_date + forecasts.expected_additional as decimal(18, 2)) as double) / nullif(cast(attainment.quota as double), 0) as forecast_attainment,
    cast(attainment.quota - (forecasts.won_to_date + forecasts.expected_additional) as decimal(18, 2)) as shortfall,
    cast(attainment.quota - forecasts.won_to_date as decimal(18, 2)) as gap,
    attainment.open_in_period,
    attainment.overdue_open,
    attainment.coverage,
    cast(forecasts.won_to_date + forecasts.weighted_pipeline as decimal(18, 2)) as baseline_weighted_pipeline,
    cast(forecasts.won_to_date + forecasts.run_rate_mean * forecasts.remaining_share as decimal(18, 2)) as baseline_run_rate,
    forecasts.open_deals,
    forecasts.training_windows,
    case when has_categories.has_categories then cast(forecasts.won_to_date + coalesce(categories.commit_open, 0) as decimal(18, 2)) end as commit_rollup,
    case when has_categories.has_categories
        then cast(forecasts.won_to_date + coalesce(categories.commit_open, 0) + coalesce(categories.best_case_open, 0) as decimal(18, 2))
    end as best_case_rollup
from forecasts
join attainment using (period_type, period, scope_type, scope_id)
cross join has_categories
left join categories using (period_type, period, scope_type, scope_id)
order by
    forecasts.period_type,
    case forecasts.period when 'current' then 0 else 1 end,
    case forecasts.scope_type when 'company' then 0 when 'team' then 1 else 2 end,
    attainment.team,
    attainment.rep_id

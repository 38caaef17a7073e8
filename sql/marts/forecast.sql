/*
description: The forecast of the current and the next month and quarter (METRICS.md section 8)
  for the company and each team: won to date, the expected additional amount, the forecast total
  with its 10th and 90th percentiles, quota and both baselines. The company and team rows of
  marts.forecast_scopes; the method is described there and in the README ("Forecast").
  Grain: period_type, period_start, scope.
columns:
  as_of: The run's as-of date.
  period_type: month or quarter.
  period_start: First day of P.
  scope: company, or a team name (scope_type tells them apart should a team be called company).
  won_to_date: Amount won with closed_at in [P.start, min(T, P.end)), DECIMAL(18,2).
  expected_additional: Expected amount won in [max(T, P.start), P.end), from deals open at T and deals not yet created, DECIMAL(18,2); NULL when there is too little history to learn from.
  forecast_total: won_to_date + expected_additional, DECIMAL(18,2).
  low: 10th percentile of the forecast total, DECIMAL(18,2).
  high: 90th percentile of the forecast total, DECIMAL(18,2).
  quota: The scope's quota for P; NULL without one.
  baseline_weighted_pipeline: won_to_date + sum over open in period deals of amount * the stage's default probability, DECIMAL(18,2).
  baseline_run_rate: won_to_date + the mean won amount of the 3 latest periods of the type ending at or before min(T, P.start) * days of [max(T, P.start), P.end) / days of P, DECIMAL(18,2).
  period: current or next.
  period_end: First day after P.
  scope_type: company or team.
  expected_from_open: The part of expected_additional from deals open at T.
  expected_from_new: The part from deals created after T.
  shortfall: quota - forecast_total; NULL without a quota.
  commit_rollup: Closed + Commit: won_to_date + the open deals the CRM's forecast category puts in Commit, expected to close in [max(as-of date, P.start), P.end); NULL when the export carries no category.
  best_case_rollup: Closed + Commit + Best Case; NULL when the export carries no category.
*/
select
    as_of,
    period_type,
    period_start,
    scope,
    won_to_date,
    expected_additional,
    forecast_total,
    low,
    high,
    quota,
    baseline_weighted_pipeline,
    baseline_run_rate,
    period,
    period_end,
    scope_type,
    expected_from_open,
    expected_from_new,
    shortfall,
    commit_rollup,
    best_case_rollup
from marts.forecast_scopes
where scope_type in ('company', 'team')

/*
description: The deals open at each forecast's origin, summed per scope and cell (current stage,
  age in that stage, company size), with what the baselines need: at the run's T per company, team
  and rep (int_deal_scopes), at backtest origins for the company. int_forecast prices each cell
  with its rates (int_forecast_rates), so the forecast of every origin is one computation.
  Grain: origin, period_type, period_start, scope_type, scope_id, stage, age_bucket, company_size.
columns:
  kind: forecast or backtest (int_forecast_periods).
  origin: The forecast's origin.
  period_type: month or quarter.
  period_start: First day of the period.
  scope_type: company, team or rep.
  scope_id: '' for the company, the team, or the rep_id.
  stage: Stage at the origin.
  age_bucket: Age in that stage at the origin: 0-14, 14-45, 45-120 or 120+ (days).
  company_size: The deal's company size.
  deals: Open deals in the cell.
  amount_deals: Of those, deals with an amount known at the origin.
  amount: Sum of the amounts known at the origin, DECIMAL (exact, so every run adds up the same).
  amount_squared: Sum of their squares, DECIMAL.
  weighted_pipeline: Sum over the cell's open in period deals (reached opportunity, expected_close_date known at the origin in [max(as-of date, P.start), P.end)) of amount * the stage's default probability (cfg_stage_probability, to 6 decimals), DECIMAL.
*/
with periods as (
    select * from int_forecast_periods
),

deal_scopes as (
    select 'forecast' as kind, deal_id, scope_type, scope_id from int_deal_scopes
    union all
    select 'backtest', deal_id, 'company', '' from core.fact_deal
),

open_deals as (
    select
        periods.kind,
        periods.origin,
        periods.period_type,
        periods.period_start,
        states.deal_id,
        states.stage,
        stage_age_bucket(states.point_at, states.stage_entered_at) as age_bucket,
        deals.company_size,
        states.amount,
        case when states.max_stage_order >= 4
            and states.expected_close_date >= greatest(cast(periods.origin - interval '1' day as date), periods.period_start)
            and states.expected_close_date < periods.period_end
            then states.amount * cast(probabilities.probability as decimal(9, 6))
        end as weighted
    from periods
    join int_deal_values_at_points as states on states.point_at = periods.origin
    join core.fact_deal as deals using (deal_id)
    left join cfg_stage_probability as probabilities on probabilities.stage = states.stage
)

select
    open_deals.kind,
    open_deals.origin,
    open_deals.period_type,
    open_deals.period_start,
    deal_scopes.scope_type,
    deal_scopes.scope_id,
    open_deals.stage,
    open_deals.age_bucket,
    open_deals.company_size,
    count(*) as deals,
    count(open_deals.amount) as amount_deals,
    coalesce(sum(open_deals.amount), 0) as amount,
    coalesce(sum(open_deals.amount * open_deals.amount), 0) as amount_squared,
    coalesce(sum(open_deals.weighted), 0) as weighted_pipeline
from open_deals
join deal_scopes on deal_scopes.deal_id = open_deals.deal_id and deal_scopes.kind = open_deals.kind
group by all

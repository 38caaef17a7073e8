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

-- The scopes of each owner (int_owner_scopes); a backtest counts the company only.
owner_scopes as (
    select 'forecast' as kind, owner_id, scope_type, scope_id from int_owner_scopes
    union all
    select 'backtest', owner_id, scope_type, scope_id from int_owner_scopes where scope_type = 'company'
),

open_deals as (
    select
        periods.kind,
        periods.origin,
        periods.period_type,
        periods.period_start,
        states.deal_id,
        deals.rep_id as owner_id,
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
),

-- Counted per owner first (far fewer rows than deals), then added to each scope of the owner.
by_owner as (
    select
        kind,
        origin,
        period_type,
        period_start,
        owner_id,
        stage,
        age_bucket,
        company_size,
        count(*) as deals,
        count(amount) as amount_deals,
        sum(amount) as amount,
        sum(amount * amount) as amount_squared,
        sum(weighted) as weighted_pipeline
    from open_deals
    group by all
)

select
    by_owner.kind,
    by_owner.origin,
    by_owner.period_type,
    by_owner.period_start,
    owner_scopes.scope_type,
    owner_scopes.scope_id,
    by_owner.stage,
    by_owner.age_bucket,
    by_owner.company_size,
    cast(sum(by_owner.deals) as bigint) as deals,
    cast(sum(by_owner.amount_deals) as bigint) as amount_deals,
    coalesce(sum(by_owner.amount), 0) as amount,
    coalesce(sum(by_owner.amount_squared), 0) as amount_squared,
    coalesce(sum(by_owner.weighted_pipeline), 0) as weighted_pipeline
from by_owner
join owner_scopes using (kind, owner_id)
group by all

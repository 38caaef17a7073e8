-- The company's weighted-pipeline baseline, recounted from core.fact_deal: won to date plus, over
-- the open deals that reached opportunity and are expected to close in [max(as-of, P.start),
-- P.end), amount * the stage's default probability.
with recount as (
    select
        forecasts.period_type,
        forecasts.period,
        any_value(forecasts.baseline_weighted_pipeline) as baseline,
        any_value(forecasts.won_to_date) + coalesce(sum(cast(deals.amount as double) * probabilities.probability), 0) as recounted
    from marts.forecast_scopes as forecasts
    cross join run_params as params
    left join core.fact_deal as deals
        on deals.status = 'open'
        and deals.max_stage_order >= 4
        and deals.expected_close_date >= greatest(params.as_of, forecasts.period_start)
        and deals.expected_close_date < forecasts.period_end
    left join cfg_stage_probability as probabilities on probabilities.stage = deals.current_stage
    where forecasts.scope_type = 'company'
    group by all
)

select * from recount where abs(cast(baseline as double) - recounted) > 0.01

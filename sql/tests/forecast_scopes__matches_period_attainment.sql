-- The forecast's won to date (built from the state at T) is period_attainment's (built from
-- core.fact_deal), for every scope and period.
select forecasts.period_type, forecasts.period, forecasts.scope_type, forecasts.scope, forecasts.won_to_date, attainment.won_to_date as attainment_won
from marts.forecast_scopes as forecasts
join marts.period_attainment as attainment
    on attainment.period_type = forecasts.period_type
    and attainment.period = forecasts.period
    and attainment.scope_type = forecasts.scope_type
    and (forecasts.scope_type = 'company'
        or (forecasts.scope_type = 'team' and attainment.team = forecasts.scope)
        or (forecasts.scope_type = 'rep' and attainment.rep_id = forecasts.scope))
where attainment.won_to_date <> forecasts.won_to_date
union all
-- and every period_attainment row has its forecast row
select attainment.period_type, attainment.period, attainment.scope_type, coalesce(attainment.rep_id, attainment.team, 'company'), null, attainment.won_to_date
from marts.period_attainment as attainment
where not exists (
    select 1 from marts.forecast_scopes as forecasts
    where forecasts.period_type = attainment.period_type and forecasts.period = attainment.period
        and forecasts.scope_type = attainment.scope_type
        and forecasts.scope = coalesce(attainment.rep_id, attainment.team, 'company'))
    and (attainment.scope_type <> 'team' or attainment.team is not null)

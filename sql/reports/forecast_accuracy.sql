-- How good the company forecast and the two baselines were in the backtest, per period type and
-- method (marts.forecast_accuracy). Grain: period_type, method.
select * from marts.forecast_accuracy order by period_type, method

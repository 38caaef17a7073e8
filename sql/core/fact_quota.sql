/*
description: Sales quotas from quotas.csv, one row per rep and period, in the reporting currency.
  Grain: rep and quota period.
columns:
  rep_id: The rep (core.dim_rep).
  period_start: First day of the quota period.
  period_end: Last day of the quota period.
  quota: Quota amount, DECIMAL(18,2).
  load_id: The run that built this row (meta.etl_run).
*/
select
    quotas.rep_id,
    quotas.period_start,
    quotas.period_end,
    quotas.quota,
    params.load_id
from int_quotas_checked as quotas
cross join run_params as params
where quotas.outcome = 'loaded'
order by quotas.rep_id, quotas.period_start

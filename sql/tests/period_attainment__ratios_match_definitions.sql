-- attainment, coverage and gap of marts.period_attainment follow METRICS.md section 8:
-- attainment = won_to_date / quota (NULL without quota), gap = quota - won_to_date,
-- coverage = open_in_period / gap (NULL without quota or when gap <= 0); the periods are the
-- current and next UTC month and quarter around the as-of date; a next period has nothing won.
select *
from marts.period_attainment
cross join run_params as params
where (quota is null and (attainment is not null or coverage is not null or gap is not null))
    or (quota > 0 and abs(attainment - cast(won_to_date as double) / cast(quota as double)) > 1e-9)
    or (quota is not null and gap is distinct from quota - won_to_date)
    or (quota is not null and quota - won_to_date <= 0 and coverage is not null)
    or (quota - won_to_date > 0
        and coverage is distinct from cast(open_in_period as double) / cast(quota - won_to_date as double)
        and not abs(coverage - cast(open_in_period as double) / cast(quota - won_to_date as double)) <= 1e-9)
    or (period = 'current' and not (period_start <= params.as_of and params.as_of < period_end))
    or (period = 'next' and period_start <> cast(date_trunc(period_type, params.as_of) + case period_type when 'month' then interval 1 month else interval 3 month end as date))
    or period_end <> cast(period_start + case period_type when 'month' then interval 1 month else interval 3 month end as date)
    or (period = 'next' and (won_to_date <> 0 or won_deals <> 0))
    or won_to_date < 0 or open_in_period < 0 or overdue_open < 0

-- marts.open_deals has exactly the deals open in core.fact_deal, once each, and its flags follow
-- their definitions (METRICS.md section 8).
with params as (
    select as_of,
        cast(date_trunc('month', as_of) + interval 1 month as date) as month_end,
        cast(date_trunc('quarter', as_of) + interval 3 month as date) as quarter_end
    from run_params
),

counted as (
    select deal_id, count(*) as rows from marts.open_deals group by all
)

select coalesce(deals.deal_id, counted.deal_id) as deal_id
from (select * from core.fact_deal where status = 'open') as deals
full join counted using (deal_id)
where counted.rows is distinct from 1 or deals.deal_id is null
union all
select open_deals.deal_id
from marts.open_deals
cross join params
where is_overdue is distinct from coalesce(reached_opportunity and expected_close_date < params.as_of, false)
    or in_current_month is distinct from coalesce(reached_opportunity and expected_close_date >= params.as_of and expected_close_date < params.month_end, false)
    or in_current_quarter is distinct from coalesce(reached_opportunity and expected_close_date >= params.as_of and expected_close_date < params.quarter_end, false)
    or days_in_stage is null or days_in_stage < 0

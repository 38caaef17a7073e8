-- The company rows of marts.funnel_windows for latest_month (M) and baseline_6_months (the 6 months
-- before M) are sums of marts.stage_flow over those months, stage by stage.
with params as (
    select cast(date_trunc('month', as_of_instant) - interval 1 month as date) as current_month from run_params
),

flows as (
    select
        case when flow.month = params.current_month then 'latest_month' else 'baseline_6_months' end as window_name,
        flow.stage_order,
        sum(flow.exited) as exited,
        sum(flow.advanced) as advanced
    from marts.stage_flow as flow
    cross join params
    where flow.month >= params.current_month - interval 6 month and flow.month <= params.current_month
    group by all
),

company as (
    select * from marts.funnel_windows
    where scope_type = 'company' and window_name in ('latest_month', 'baseline_6_months')
)

select company.window_name, company.stage_order, company.exited, company.advanced, flows.exited as flow_exited, flows.advanced as flow_advanced
from company
left join flows using (window_name, stage_order)
where company.exited <> coalesce(flows.exited, 0) or company.advanced <> coalesce(flows.advanced, 0)

-- A rep's ($rep_id) stage exits and advances per month (marts.stage_flow) for the 12 months
-- ending with the as-of month ($as_of). Grain: month, stage.
select
    flow.month,
    flow.stage_order,
    sum(flow.exited) as exited,
    sum(flow.advanced) as advanced
from marts.stage_flow as flow
where flow.rep_id = $rep_id
    and flow.month > date_trunc('month', cast($as_of as date)) - interval 12 month
    and flow.month <= date_trunc('month', cast($as_of as date))
group by all
order by flow.month, flow.stage_order

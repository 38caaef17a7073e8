-- The deals of each rep in $reps won or lost in the 12 months before T (marts.report_context),
-- latest first. Grain: deal.
select
    deals.rep_id,
    deals.deal_id,
    deals.deal_name,
    deals.account_name,
    deals.status,
    cast(deals.closed_at as date) as closed_on,
    deals.amount,
    deals.cycle_days,
    deals.lead_type,
    deals.loss_reason
from core.fact_deal as deals
cross join marts.report_context as context
where deals.rep_id in (select unnest($reps))
    and deals.status in ('won', 'lost')
    and deals.closed_at >= context.as_of_instant - interval 12 month
order by deals.rep_id, deals.closed_at desc, deals.deal_id

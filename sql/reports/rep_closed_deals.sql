-- The deals of a rep ($rep_id) won or lost in the 12 months before T ($as_of + 1 day), latest first.
-- Grain: deal.
select
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
where deals.rep_id = $rep_id
    and deals.status in ('won', 'lost')
    and deals.closed_at >= cast($as_of as date) + interval 1 day - interval 12 month
    and deals.closed_at < cast($as_of as date) + interval 1 day
order by deals.closed_at desc, deals.deal_id

-- Every deal of core.fact_deal has exactly one known-values row, and a value taken from the
-- history has that source.
select deals.deal_id, count(known.deal_id) as rows
from core.fact_deal as deals
left join int_deal_known_values as known using (deal_id)
group by deals.deal_id
having count(known.deal_id) <> 1

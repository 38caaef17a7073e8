-- core.fact_deal has one row per deal_id.
select deal_id, count(*) as rows
from core.fact_deal
group by deal_id
having count(*) > 1

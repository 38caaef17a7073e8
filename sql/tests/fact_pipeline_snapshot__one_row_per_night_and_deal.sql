-- One row per night and deal.
select snapshot_date, deal_id, count(*) as rows
from core.fact_pipeline_snapshot
group by snapshot_date, deal_id
having count(*) > 1

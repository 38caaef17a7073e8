-- Every stage and every lead_type, company_size, region and product value in core.fact_deal has exactly one label in marts.labels.
with wanted as (
    select 'stage' as kind, stage as value from core.dim_stage
    union select 'lead_type', lead_type from core.fact_deal
    union select 'company_size', company_size from core.fact_deal
    union select 'region', region from core.fact_deal
    union select 'product', product from core.fact_deal
)
select wanted.kind, wanted.value, count(labels.label) as labels
from wanted
left join marts.labels as labels on labels.kind = wanted.kind and labels.value is not distinct from wanted.value
group by all
having count(labels.label) <> 1

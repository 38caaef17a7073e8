/*
description: One row per combination of region, product and company size seen among the deals
  of core.fact_deal. segment_key is the combination's rank in (region, product, company_size)
  order, so the same data gives the same keys. Grain: segment.
columns:
  segment_key: Surrogate key of the segment.
  region: Sales region, as exported.
  product: Product, as exported.
  company_size: smb, mid_market, enterprise or unknown.
*/
with segments as (
    select distinct region, product, company_size
    from int_deals
    where not is_after_as_of
)

select
    cast(row_number() over (order by region, product, company_size) as integer) as segment_key,
    region,
    product,
    company_size
from segments

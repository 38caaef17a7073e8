/*
description: One place for every label the reports print: each value of a stage, lead type,
  company size, region and product, with its name for people and its position in lists. Stages
  carry core.dim_stage.label (the user's own stage label where there is one), lead types
  core.dim_lead_type.label, company sizes a readable name; regions and products are shown as
  exported (the values seen in core.fact_deal, sorted). Grain: kind, value.
columns:
  kind: What the value is: stage, lead_type, company_size, region or product.
  value: The value as stored in the warehouse, e.g. mid_market, or a canonical stage name.
  label: The value's name for people, e.g. Mid-market, or Prospecting.
  sort_order: Position of the value in lists of its kind, from 1 (stages: their stage order, closed_lost last).
*/
with stages as (
    select 'stage' as kind, stage as value, label, cast(row_number() over (order by coalesce(stage_order, 10)) as integer) as sort_order
    from core.dim_stage
),

lead_types as (
    select 'lead_type', lead_type, label, cast(row_number() over (order by lead_type = 'unknown', label) as integer)
    from core.dim_lead_type
),

company_sizes as (
    select 'company_size', value, label, sort_order
    from (values
        ('smb', 'SMB', 1),
        ('mid_market', 'Mid-market', 2),
        ('enterprise', 'Enterprise', 3),
        ('unknown', 'Unknown', 4)
    ) as sizes(value, label, sort_order)
),

regions as (
    select 'region', region, region, cast(row_number() over (order by region) as integer)
    from (select distinct region from core.fact_deal where region is not null)
),

products as (
    select 'product', product, product, cast(row_number() over (order by product) as integer)
    from (select distinct product from core.fact_deal where product is not null)
)

select * from stages
union all select * from lead_types
union all select * from company_sizes
union all select * from regions
union all select * from products
order by kind, sort_order

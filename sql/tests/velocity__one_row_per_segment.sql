-- marts.velocity has exactly one row per segment value seen among the deals, for each segment type.
with seen as (
    select 'all' as segment_type, 'all' as segment_value
    union select 'region', region from core.fact_deal
    union select 'product', product from core.fact_deal
    union select 'company_size', company_size from core.fact_deal
    union select 'lead_type', lead_type from core.fact_deal
),

rows_per_segment as (
    select segment_type, segment_value, count(*) as rows
    from marts.velocity
    group by all
)

select *
from seen
full join rows_per_segment using (segment_type, segment_value)
where rows_per_segment.rows is distinct from 1 or seen.segment_type is null

/*
description: Each deal of core.fact_deal once per segment type it belongs to (METRICS.md
  section 6): all (value all), region, product, company_size and lead_type. Grain: deal and
  segment type.
*/
select deal_id, 'all' as segment_type, 'all' as segment_value from core.fact_deal
union all select deal_id, 'region', region from core.fact_deal
union all select deal_id, 'product', product from core.fact_deal
union all select deal_id, 'company_size', company_size from core.fact_deal
union all select deal_id, 'lead_type', lead_type from core.fact_deal

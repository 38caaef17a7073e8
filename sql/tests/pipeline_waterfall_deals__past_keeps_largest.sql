-- A past period's movement in marts.pipeline_waterfall_deals keeps its largest deals: no deal of
-- the movement (int_waterfall_deals, in the company and in its team) that is left out is larger than
-- the smallest one kept.
with kept as (
    select period_type, period_start, scope_type, scope, movement, min(abs(amount)) as smallest
    from marts.pipeline_waterfall_deals
    where period = 'past'
    group by all
),

scoped as (
    select period_type, period_start, 'company' as scope_type, 'company' as scope, movement, deal_id, amount
    from int_waterfall_deals
    union all
    select period_type, period_start, 'team', team, movement, deal_id, amount
    from int_waterfall_deals
    where team is not null
)

select scoped.*, kept.smallest
from scoped
join kept using (period_type, period_start, scope_type, scope, movement)
anti join marts.pipeline_waterfall_deals as listed using (period_type, period_start, scope_type, scope, movement, deal_id)
where abs(scoped.amount) > kept.smallest

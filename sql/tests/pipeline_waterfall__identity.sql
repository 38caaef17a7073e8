-- start + created + pulled_in + amount_changed - won - lost - pushed_out - removed = end, to the
-- cent, in every period and scope of marts.pipeline_waterfall; and in deals: every deal that starts
-- or enters leaves once (won, lost, pushed_out, removed or end).
select period_type, period_start, scope_type, scope,
    sum(amount) filter (where movement in ('start', 'created', 'pulled_in', 'amount_changed'))
        - sum(amount) filter (where movement in ('won', 'lost', 'pushed_out', 'removed'))
        - sum(amount) filter (where movement = 'end') as residual,
    sum(deals) filter (where movement in ('start', 'created', 'pulled_in'))
        - sum(deals) filter (where movement in ('won', 'lost', 'pushed_out', 'removed', 'end')) as deal_residual,
    count(*) as movements
from marts.pipeline_waterfall
group by all
having residual <> 0 or deal_residual <> 0 or movements <> 9

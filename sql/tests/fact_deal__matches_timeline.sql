-- Every deal of core.fact_deal has a timeline, and its status and current stage are those of the
-- timeline's last entry.
with last_entries as (
    select deal_id, arg_max(stage, seq) as last_stage
    from core.fact_stage_transition
    group by deal_id
)

select deals.deal_id, deals.status, deals.current_stage, last_entries.last_stage
from core.fact_deal as deals
left join last_entries using (deal_id)
where last_entries.last_stage is null
    or deals.current_stage <> last_entries.last_stage
    or deals.status <> case last_entries.last_stage when 'closed_won' then 'won' when 'closed_lost' then 'lost' else 'open' end

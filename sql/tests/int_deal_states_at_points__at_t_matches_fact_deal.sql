-- At the run's own T the forecast's state of each deal is core.fact_deal's: the same open deals,
-- in the same stage since the same instant, with the same highest stage, amount and expected close
-- date (so a backtest origin's state is built the way a run with that T builds it).
with states as (
    select states.*, states.amount, states.expected_close_date
    from int_deal_values_at_points as states
    where states.point_at = (select as_of_instant from run_params)
),

open_deals as (
    select * from core.fact_deal where status = 'open'
)

select coalesce(states.deal_id, open_deals.deal_id) as deal_id, states.stage, open_deals.current_stage
from states
full join open_deals using (deal_id)
where states.deal_id is null
    or open_deals.deal_id is null
    or states.stage <> open_deals.current_stage
    or states.stage_entered_at <> open_deals.current_stage_entered_at
    or states.max_stage_order is distinct from open_deals.max_stage_order
    or states.amount is distinct from open_deals.amount
    or states.expected_close_date is distinct from open_deals.expected_close_date

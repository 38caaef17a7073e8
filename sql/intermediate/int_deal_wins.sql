/*
description: Every closed_won entry of the timelines (core.fact_stage_transition) with the amount
  known when it was won: the latest stage-history row at or before that instant that carries one
  (latest entered_at; at one instant the row later in the file), converted with the deal's rate;
  else the export's. Grain: deal_id, won_at.
columns:
  deal_id: The deal.
  won_at: When the timeline entered closed_won.
  is_first_win: True for the deal's first closed_won entry (a reopened deal can be won again).
  amount: The amount known at won_at in the reporting currency, DECIMAL(18,2); NULL when none is known.
  visible_from: The later of won_at and the deal's created_at: a run whose T is after it sees the win.
  reopened_at: When the deal's timeline left closed_won again (reopened); NULL while it stays won.
  next_amount_at: When a stage-history row after won_at next carries an amount (the amount known later may differ); NULL when none does.
*/
with wins as (
    select
        entries.deal_id,
        entries.entered_at as won_at,
        row_number() over (partition by entries.deal_id order by entries.seq) = 1 as is_first_win,
        greatest(entries.entered_at, deals.created_at) as visible_from,
        entries.exited_at as reopened_at
    from core.fact_stage_transition as entries
    join core.fact_deal as deals using (deal_id)
    where entries.stage = 'closed_won'
)

select
    wins.deal_id,
    wins.won_at,
    wins.is_first_win,
    coalesce(cast(round(history.amount * deals.exchange_rate, 2) as decimal(18, 2)), deals.amount) as amount,
    wins.visible_from,
    wins.reopened_at,
    (select min(later.entered_at) from int_deal_amount_rows as later where later.deal_id = wins.deal_id and later.entered_at > wins.won_at) as next_amount_at
from wins
join int_deals as deals using (deal_id)
asof left join int_deal_amount_rows as history
    on history.deal_id = wins.deal_id
    and wins.won_at >= history.entered_at

/*
description: The stage-history rows that carry an amount, one per deal and instant (at one instant
  the row later in the file wins), in the deal's own currency: what "the amount known at an
  instant" is looked up in (the latest row before it; int_deal_values_at_points, int_deal_wins,
  int_forecast). Grain: deal_id, entered_at.
columns:
  deal_id: The deal.
  entered_at: The history row's instant.
  amount: The amount it carries, in the deal's currency (convert with int_deals.exchange_rate).
*/
select deal_id, entered_at, arg_max(amount, ordinal) as amount
from int_stage_history
where amount is not null
group by deal_id, entered_at

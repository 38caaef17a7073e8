/*
description: Closed deals counted by the month of closed_at at the grain of marts.stage_flow
  (METRICS.md section 5): won and lost counts, their amounts and the won deals' cycle days, so
  win rate, value win rate, average won deal size and mean cycle of any roll-up are ratios of
  sums. Grain: month, rep_id, region, product, company_size, lead_type.
columns:
  month: First day of the UTC month in which the deals closed.
  rep_id: The deals' owner.
  region: The deals' region.
  product: The deals' product.
  company_size: The deals' company size.
  lead_type: The deals' lead type.
  won: Deals won in the month.
  lost: Deals lost in the month.
  amount_won: Sum of the won deals' amounts (deals without an amount add nothing), DECIMAL(18,2).
  amount_lost: Sum of the lost deals' amounts, DECIMAL(18,2).
  cycle_days_won_sum: Sum of the won deals' cycle_days; divide by won for the mean sales cycle.
  won_with_amount: Won deals that have an amount (the denominator of the average won deal size).
  lost_with_amount: Lost deals that have an amount (with won_with_amount, the deals of the value win rate).
*/
select
    cast(date_trunc('month', closed_at) as date) as month,
    rep_id,
    region,
    product,
    company_size,
    lead_type,
    count(*) filter (where status = 'won') as won,
    count(*) filter (where status = 'lost') as lost,
    cast(coalesce(sum(amount) filter (where status = 'won'), 0) as decimal(18, 2)) as amount_won,
    cast(coalesce(sum(amount) filter (where status = 'lost'), 0) as decimal(18, 2)) as amount_lost,
    -- summed in whole microseconds, so the total does not depend on the order of the sum
    coalesce(sum(epoch_us(closed_at) - epoch_us(start_at)) filter (where status = 'won'), 0) / 86400e6 as cycle_days_won_sum,
    count(amount) filter (where status = 'won') as won_with_amount,
    count(amount) filter (where status = 'lost') as lost_with_amount,
from core.fact_deal
where status in ('won', 'lost')
group by all
order by all

-- Sales velocity by segment as of the warehouse's as-of date, from marts.velocity. Grain: segment.
select segment_type, segment_value, open_opportunities, win_rate, avg_won_amount, avg_cycle_days, velocity_per_day
from marts.velocity
order by case segment_type when 'all' then 0 when 'region' then 1 when 'product' then 2 when 'company_size' then 3 else 4 end,
    velocity_per_day desc nulls last, segment_value

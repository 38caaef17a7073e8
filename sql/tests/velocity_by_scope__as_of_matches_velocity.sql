-- The company rows of marts.velocity_by_scope at T are marts.velocity, segment by segment.
with scoped as (
    select * from marts.velocity_by_scope where scope_type = 'company' and point = 'as_of'
)

select *
from scoped
full join marts.velocity as velocity using (segment_type, segment_value)
where scoped.point is null or velocity.as_of is null
    or scoped.open_opportunities is distinct from velocity.open_opportunities
    or scoped.win_rate is distinct from velocity.win_rate
    or scoped.avg_won_amount is distinct from velocity.avg_won_amount
    or scoped.avg_cycle_days is distinct from velocity.avg_cycle_days
    or scoped.velocity_per_day is distinct from velocity.velocity_per_day
    or scoped.measured_at <> (select as_of_instant from run_params)

-- Monthly outcomes for the 12 complete months before T ($as_of + 1 day), from
-- marts.outcomes_monthly: bookings (amount won), won and closed counts, summed won cycles.
-- $team: a team's current reps, or '' for all. Grain: month.
with params as (
    select
        cast(date_trunc('month', cast($as_of as date) + interval 1 day) as date) as end_month,
        cast($team as varchar) as team
),

final as (
    select
        cast(outcomes.month as date) as month,
        sum(outcomes.amount_won) as amount_won,
        sum(outcomes.won) as won,
        sum(outcomes.won + outcomes.lost) as closed,
        sum(outcomes.cycle_days_won_sum) as cycle_days_won_sum
    from marts.outcomes_monthly as outcomes
    cross join params
    where outcomes.month >= params.end_month - interval 12 month
        and outcomes.month < params.end_month
        and (params.team = '' or outcomes.rep_id in (select rep_id from core.dim_rep where is_current and team = params.team))
    group by all
)

select * from final order by month

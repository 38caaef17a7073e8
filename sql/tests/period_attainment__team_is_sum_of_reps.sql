-- Each team row of marts.period_attainment equals the sums of its rep rows.
with reps as (
    select
        period_type, period, team,
        sum(quota) as quota,
        sum(won_to_date) as won_to_date,
        sum(won_deals) as won_deals,
        sum(open_in_period) as open_in_period,
        sum(open_in_period_deals) as open_in_period_deals,
        sum(overdue_open) as overdue_open,
        sum(overdue_deals) as overdue_deals,
        sum(stalled_deals) as stalled_deals,
        sum(open_deals) as open_deals,
        sum(open_amount) as open_amount
    from marts.period_attainment
    where scope_type = 'rep'
    group by all
),

teams as (
    select * exclude (rep_id) from marts.period_attainment where scope_type = 'team'
)

select teams.period_type, teams.period, teams.team, reps.team as rep_team
from teams
full join reps using (period_type, period, team)
where teams.team is null or reps.team is null
    or teams.quota is distinct from reps.quota
    or teams.won_to_date is distinct from reps.won_to_date
    or teams.won_deals is distinct from reps.won_deals
    or teams.open_in_period is distinct from reps.open_in_period
    or teams.open_in_period_deals is distinct from reps.open_in_period_deals
    or teams.overdue_open is distinct from reps.overdue_open
    or teams.overdue_deals is distinct from reps.overdue_deals
    or teams.stalled_deals is distinct from reps.stalled_deals
    or teams.open_deals is distinct from reps.open_deals
    or teams.open_amount is distinct from reps.open_amount

-- Each team's closes per period are the sums of its reps' rows; the company's are at least the
-- teams' together (deals of reps without a current row or team count in the company only).
with team_from_reps as (
    select team, period, sum(closed) as closed, sum(won) as won, sum(amount_won) as amount_won,
        sum(opportunity_closed) as opportunity_closed, sum(opportunity_won) as opportunity_won
    from marts.scope_periods
    where scope_type = 'rep' and team is not null
    group by all
),

company_from_teams as (
    select period, sum(closed) as closed, sum(won) as won
    from marts.scope_periods
    where scope_type = 'team'
    group by all
)

select 'team ' || teams.team as scope, teams.period
from marts.scope_periods as teams
left join team_from_reps as reps using (team, period)
where teams.scope_type = 'team'
    and (teams.closed <> coalesce(reps.closed, 0) or teams.won <> coalesce(reps.won, 0)
        or teams.amount_won <> coalesce(reps.amount_won, 0)
        or teams.opportunity_closed <> coalesce(reps.opportunity_closed, 0)
        or teams.opportunity_won <> coalesce(reps.opportunity_won, 0))

union all

select 'company', company.period
from marts.scope_periods as company
left join company_from_teams as teams using (period)
where company.scope_type = 'company'
    and (company.closed < coalesce(teams.closed, 0) or company.won < coalesce(teams.won, 0))

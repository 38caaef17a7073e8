-- The open deals' expected amounts add up: a team's is the sum of its reps', the company's is the
-- sum over marts.forecast_deals (every open deal), each within rounding to cents.
with reps as (
    select period_type, period, team, sum(expected_from_open) as reps_expected, count(*) as reps
    from marts.forecast_scopes
    where scope_type = 'rep'
    group by all
),

deals as (
    select period_type, period, sum(expected_amount) as deals_expected, count(*) as deals
    from marts.forecast_deals
    group by all
)

select teams.period_type, teams.period, teams.scope, teams.expected_from_open, reps.reps_expected
from marts.forecast_scopes as teams
join reps on reps.period_type = teams.period_type and reps.period = teams.period and reps.team = teams.scope
where teams.scope_type = 'team'
    and abs(teams.expected_from_open - reps.reps_expected) > 0.005 * (reps.reps + 1)
union all
select company.period_type, company.period, company.scope, company.expected_from_open, deals.deals_expected
from marts.forecast_scopes as company
join deals using (period_type, period)
where company.scope_type = 'company'
    and abs(company.expected_from_open - deals.deals_expected) > 0.005 * (deals.deals + 1)

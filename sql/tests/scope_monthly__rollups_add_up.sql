-- Each team's monthly counts and amounts are the sums of its reps' rows, and the company's closes
-- are those of marts.outcomes_monthly (complete months; the month to date has no outcomes row yet
-- to compare, its closes are checked against the reps and teams the same way).
with team_from_reps as (
    select team, month,
        sum(closed) as closed, sum(won) as won, sum(amount_won) as amount_won, sum(amount_lost) as amount_lost,
        sum(new_pipeline_deals) as new_pipeline_deals, sum(new_pipeline_amount) as new_pipeline_amount,
        sum(open_deals_at_cut) as open_deals_at_cut, sum(open_amount_at_cut) as open_amount_at_cut
    from marts.scope_monthly
    where scope_type = 'rep' and team is not null
    group by all
),

team_mismatch as (
    select 'team ' || teams.team as scope, teams.month
    from marts.scope_monthly as teams
    left join team_from_reps as reps using (team, month)
    where teams.scope_type = 'team'
        and (teams.closed <> coalesce(reps.closed, 0) or teams.won <> coalesce(reps.won, 0)
            or teams.amount_won <> coalesce(reps.amount_won, 0) or teams.amount_lost <> coalesce(reps.amount_lost, 0)
            or teams.new_pipeline_deals <> coalesce(reps.new_pipeline_deals, 0)
            or teams.new_pipeline_amount <> coalesce(reps.new_pipeline_amount, 0)
            or teams.open_deals_at_cut <> coalesce(reps.open_deals_at_cut, 0)
            or teams.open_amount_at_cut <> coalesce(reps.open_amount_at_cut, 0))
),

outcomes as (
    select month, sum(won + lost) as closed, sum(won) as won, sum(amount_won) as amount_won
    from marts.outcomes_monthly
    group by month
),

company_mismatch as (
    select 'company' as scope, company.month
    from marts.scope_monthly as company
    left join outcomes using (month)
    where company.scope_type = 'company'
        and (company.closed <> coalesce(outcomes.closed, 0) or company.won <> coalesce(outcomes.won, 0)
            or company.amount_won <> coalesce(outcomes.amount_won, 0))
)

select * from team_mismatch
union all
select * from company_mismatch

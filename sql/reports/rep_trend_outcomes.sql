-- A rep's ($rep_id) closes per month (marts.outcomes_monthly) for the 12 months ending with the
-- as-of month ($as_of), months without closes included. Grain: month.
with months as (
    select cast(month as date) as month
    from range(
        date_trunc('month', cast($as_of as date)) - interval 11 month,
        date_trunc('month', cast($as_of as date)) + interval 1 month,
        interval 1 month) as months(month)
),

outcomes as (
    select month, sum(won) as won, sum(lost) as lost, sum(amount_won) as amount_won
    from marts.outcomes_monthly
    where rep_id = $rep_id
    group by month
)

select
    months.month,
    coalesce(outcomes.won, 0) as won,
    coalesce(outcomes.lost, 0) as lost,
    coalesce(outcomes.amount_won, 0) as amount_won,
    outcomes.won / nullif(outcomes.won + outcomes.lost, 0) as win_rate
from months
left join outcomes using (month)
order by months.month

-- The open deals of each rep in $reps with their chance of being won in the current month and
-- quarter and their expected amount there, most expected first, at most $limit per rep and period
-- (marts.forecast_deals). Grain: period_type, deal.
select period_type, period, period_start, deal_id, deal_name, rep_id, team, stage, amount, expected_close_date,
    is_overdue, is_in_period, win_probability, expected_amount, rank_in_rep
from marts.forecast_deals
where rep_id in (select unnest($reps))
    and period = 'current'
    and rank_in_rep <= $limit
order by rep_id, period_type, rank_in_rep, deal_id

-- A rep's ($rep_id) open deals with their chance of being won in the current month and quarter and
-- their expected amount there, most expected first, at most $limit per period (marts.forecast_deals).
-- Grain: period_type, deal.
select period_type, period, period_start, deal_id, deal_name, rep_id, team, stage, amount, expected_close_date,
    is_overdue, is_in_period, win_probability, expected_amount, rank_in_rep
from marts.forecast_deals
where rep_id = $rep_id
    and period = 'current'
    and rank_in_rep <= $limit
order by period_type, rank_in_rep, deal_id

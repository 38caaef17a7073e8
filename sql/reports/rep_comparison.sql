-- Each rep against the team with its verdict (marts.rep_comparison). Grain: rep, period, metric.
select * from marts.rep_comparison order by rep_id, period_order, metric_order

-- Each rep in $reps against the team with its verdict (marts.rep_comparison). Grain: rep, period, metric.
select * from marts.rep_comparison
where rep_id in (select unnest($reps))
order by rep_id, period_order, metric_order

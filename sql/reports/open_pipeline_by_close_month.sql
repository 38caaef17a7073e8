-- Open pipeline of every scope by expected close month (marts.open_pipeline_by_close_month). Grain: scope, month.
select * from marts.open_pipeline_by_close_month order by scope_type, team, rep_id, close_month nulls last

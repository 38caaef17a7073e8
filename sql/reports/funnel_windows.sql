-- Stage exits and advances of every scope in each window the reports show (marts.funnel_windows). Grain: scope, window, stage.
select * from marts.funnel_windows order by scope_type, team, rep_id, window_name, stage_order

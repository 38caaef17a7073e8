-- The median rep of each team per period (marts.team_medians). Grain: team, period.
select * from marts.team_medians order by team, period_type, period_start

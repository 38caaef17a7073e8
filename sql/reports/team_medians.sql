-- The median rep of each team in $teams per period (marts.team_medians). Grain: team, period.
select * from marts.team_medians
where team in (select unnest($teams))
order by team, period_type, period_start

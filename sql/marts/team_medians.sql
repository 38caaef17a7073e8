/*
description: The median rep of each team for the roster tables of the team PDF and the manager
  workbook: per period of marts.period_attainment, the median over the team's current reps (every
  rep the roster lists, with or without deals) of each rep figure. Medians interpolate; a figure
  NULL for a rep (no quota) is left out of its median. Grain: team, period_type, period.
columns:
  as_of: The run's as-of date.
  team: The team.
  period_type: month or quarter.
  period: current or next.
  period_start: First day of the period.
  reps: Current reps of the team (the rows the medians are over).
  quota: Median quota of the reps with one.
  won_to_date: Median amount won to date.
  attainment: Median attainment of the reps with a quota.
  gap: Median gap (quota - won to date) of the reps with a quota.
  open_in_period: Median open-in-period amount.
  coverage: Median coverage of the reps that have one.
  stalled_deals: Median number of stalled open deals.
  overdue_deals: Median number of overdue open deals.
  overdue_open: Median amount of overdue open deals.
*/
select
    as_of,
    team,
    period_type,
    period,
    period_start,
    count(*) as reps,
    median(quota) as quota,
    median(won_to_date) as won_to_date,
    median(attainment) as attainment,
    median(gap) as gap,
    median(open_in_period) as open_in_period,
    median(coverage) as coverage,
    median(stalled_deals) as stalled_deals,
    median(overdue_deals) as overdue_deals,
    median(overdue_open) as overdue_open
from marts.period_attainment
where scope_type = 'rep' and team is not null
group by all
order by team, period_type, period_start

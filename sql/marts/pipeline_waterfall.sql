/*
description: How the pipeline expected to close in each period moved (METRICS.md section 9), for
  the company and each team, per month and quarter of int_waterfall_periods (the current month and
  quarter to date, and the 24 months and 8 quarters before, back to the first deal's): the
  pipeline at P.start, what entered it, what left it and how its amounts changed, up to the cut
  min(T, P.end), one row per movement: start + created + pulled_in + amount_changed - won - lost -
  pushed_out - removed = end (a data test, to the cent). The deals behind each figure are in
  marts.pipeline_waterfall_deals (all of them for the current month and quarter, the 50 largest per
  movement of a past period; int_waterfall_deals defines each movement). start_source and
  end_source say where the deals open at P.start and at the cut come from: the snapshot of the night
  before (snapshot) or, where that night was not loaded, the timelines with the values known then
  (timeline). A deal counts in the team of its owner at the cut (core.dim_rep's version then), so
  the company is its teams plus the deals of no team. Every movement has a row, zeros included.
  Grain: period_type, period_start, scope_type, scope, movement.
columns:
  period_type: month or quarter (UTC calendar).
  period_start: First day of the period P.
  scope: 'company' or the team.
  movement: start, created, pulled_in, amount_changed, won, lost, pushed_out, removed or end.
  deals: Deals behind the movement (amount_changed: the deals whose amount changed).
  amount: The movement's amount, DECIMAL(18,2) (a missing deal amount counts as 0): start, created, pulled_in, won, lost, pushed_out, removed and end as positive sums; amount_changed signed (up or down).
  scope_type: company or team.
  team: The team for team rows; NULL for the company.
  period_end: First day after P.
  period: current (contains the as-of date) or past.
  cut: min(T, P.end), the instant the period is counted up to.
  through_date: The last day counted: the day before the cut (the as-of date for the current period).
  is_complete: True when the period ended by T (cut = P.end).
  start_source: snapshot or timeline: where the deals open at P.start come from.
  end_source: snapshot or timeline: where the deals open at the cut come from.
  movement_order: 1 to 9 in the order of the movements above (left to right in the chart).
  effect: What the movement does to the pipeline, DECIMAL(18,2): + for created, pulled_in and amount_changed, - for won, lost, pushed_out and removed; start and end as their amount.
  bar_from: Where the movement's bar starts in a bridge chart: 0 for start and end, else the pipeline before the movement, DECIMAL(18,2).
  bar_to: Where it ends: bar_from + effect (start and end: their amount), DECIMAL(18,2).
*/
with movements as (
    select * from (values
        ('start', 1, 1), ('created', 2, 1), ('pulled_in', 3, 1), ('amount_changed', 4, 1), ('won', 5, -1),
        ('lost', 6, -1), ('pushed_out', 7, -1), ('removed', 8, -1), ('end', 9, 1)
    ) as movements(movement, movement_order, sign)
),

-- The company and each team of a current rep, in every period; and any team a deal counts in.
scopes as (
    select periods.period_type, periods.period_start, scopes.scope_type, coalesce(scopes.team, 'company') as scope, scopes.team
    from int_waterfall_periods as periods
    cross join int_scopes as scopes
    where scopes.scope_type in ('company', 'team')
    union
    select distinct period_type, period_start, 'team', team, team
    from int_waterfall_deals
    where team is not null
),

-- Every deal counts (marts.pipeline_waterfall_deals keeps the 50 largest of a past movement): the
-- company and each team in one grouping pass.
totals as (
    select
        period_type,
        period_start,
        case when grouping(team) = 1 then 'company' else 'team' end as scope_type,
        case when grouping(team) = 1 then 'company' else team end as scope,
        movement,
        count(*) as deals,
        sum(amount) as amount
    from int_waterfall_deals
    group by grouping sets ((period_type, period_start, movement), (period_type, period_start, team, movement))
    having grouping(team) = 1 or team is not null
),

grid as (
    select
        scopes.*,
        movements.movement,
        movements.movement_order,
        coalesce(totals.deals, 0) as deals,
        coalesce(totals.amount, 0) as amount,
        movements.sign * coalesce(totals.amount, 0) as effect
    from scopes
    cross join movements
    left join totals using (period_type, period_start, scope_type, scope, movement)
),

bridged as (
    select
        grid.*,
        sum(case when movement = 'end' then 0 else effect end) over (
            partition by period_type, period_start, scope_type, scope
            order by movement_order rows between unbounded preceding and current row) as running
    from grid
)

select
    bridged.period_type,
    bridged.period_start,
    bridged.scope,
    bridged.movement,
    cast(bridged.deals as bigint) as deals,
    cast(bridged.amount as decimal(18, 2)) as amount,
    bridged.scope_type,
    bridged.team,
    periods.period_end,
    periods.period,
    periods.cut,
    cast(periods.cut as date) - 1 as through_date,
    periods.is_complete,
    periods.start_source,
    periods.end_source,
    bridged.movement_order,
    cast(bridged.effect as decimal(18, 2)) as effect,
    cast(case when bridged.movement in ('start', 'end') then 0 else bridged.running - bridged.effect end as decimal(18, 2)) as bar_from,
    cast(case when bridged.movement in ('start', 'end') then bridged.amount else bridged.running end as decimal(18, 2)) as bar_to
from bridged
join int_waterfall_periods as periods using (period_type, period_start)
order by bridged.period_type, bridged.period_start, bridged.scope_type, bridged.scope, bridged.movement_order

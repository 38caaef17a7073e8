/*
description: The deals behind each movement of marts.pipeline_waterfall (METRICS.md section 9),
  for the company and the team each deal counts in (int_waterfall_deals: the team of its owner at
  the cut), ranked within the movement by the size of their amount: every deal of the current month
  and quarter, and the 50 largest of each movement of a past period (its figures in
  marts.pipeline_waterfall count them all). A deal in start has a start row and an exit row (won,
  lost, pushed_out, removed or end), and an amount_changed row when its exit amount differs from its
  start amount; any other deal an entry row (created or pulled_in) and an exit row (won, lost or
  end). Grain: period_type, period_start, scope_type, scope, movement, deal_id.
columns:
  period_type: month or quarter.
  period_start: First day of P.
  period_end: First day after P.
  period: current (contains the as-of date) or past.
  scope_type: company or team.
  scope: 'company' or the team.
  team: The team the deal counts in for P (its owner's just before the cut); NULL for a deal of no team (it counts in the company only).
  movement: start, created, pulled_in, amount_changed, won, lost, pushed_out, removed or end.
  movement_order: 1 to 9 in that order (the waterfall's, left to right).
  rank: 1 for the deal with the largest amount of the movement (amount_changed: the largest change either way), then by deal_id; a past period keeps ranks 1 to 50.
  deal_id: The deal's id, as exported.
  deal_name: The deal's name as exported; NULL for a deal the export no longer holds (deleted in the CRM).
  rep_id: The deal's owner at the cut.
  rep_name: The owner's name (core.dim_rep, the version in force just before the cut; int_waterfall_deals).
  stage: For start, the stage at P.start; otherwise the stage at the cut, the closed stage, or the last known stage of a removed deal.
  amount: The movement's amount, DECIMAL(18,2), a missing amount as 0; amount_changed is the signed change.
  amount_at_start: The amount at P.start (deals in start); NULL when none was known.
  amount_at_exit: The amount at the cut, at the close, or at P.start for a removed deal; NULL when none was known.
  close_date_at_start: The expected close date at P.start (deals in start).
  close_date_at_exit: The expected close date at the cut or at the close.
  closed_at: When a won or lost deal closed.
  is_deleted: True for a removed deal the CRM deleted (its latest snapshot known at the cut says deleted).
*/
with movements as (
    select * from (values
        ('start', 1), ('created', 2), ('pulled_in', 3), ('amount_changed', 4), ('won', 5),
        ('lost', 6), ('pushed_out', 7), ('removed', 8), ('end', 9)
    ) as movements(movement, movement_order)
),

-- Each deal's movement with its period's place (past or current).
keys as (
    select deals.period_type, deals.period_start, deals.movement, deals.deal_id, deals.amount, deals.team, periods.period
    from int_waterfall_deals as deals
    join int_waterfall_periods as periods using (period_type, period_start)
),

-- A past period's 50 largest deals per movement, ties by deal_id: a top-n per group, in order of
-- size, so a deal's place in the list is its rank (no sort of all the deals). Its state is held in
-- memory, 50 deals per group: for the company, and for the teams while they are few (at most 100);
-- with more teams (370,000 groups at 1,250) their ranks come from a sort, which spills to disk.
team_count as (
    select count(distinct team) as teams from core.dim_rep
),

past as (
    select
        period_type,
        period_start,
        scope_type,
        scope,
        movement,
        arg_min(deal_id, {'size': -abs(amount), 'deal_id': deal_id}, 50) as deal_ids
    from (
        select *, 'company' as scope_type, 'company' as scope from keys where period = 'past'
        union all
        select *, 'team', team from keys
        where period = 'past' and team is not null and (select teams from team_count) <= 100
    )
    group by period_type, period_start, scope_type, scope, movement
),

past_teams as (
    select period_type, period_start, 'team' as scope_type, team as scope, movement, deal_id,
        row_number() over (partition by period_type, period_start, team, movement order by abs(amount) desc, deal_id) as rank
    from keys
    where period = 'past' and team is not null and (select teams from team_count) > 100
    qualify rank <= 50
),

ranked as (
    select period_type, period_start, scope_type, scope, movement,
        unnest(deal_ids) as deal_id,
        unnest(generate_series(1, len(deal_ids))) as rank
    from past
    union all
    select period_type, period_start, scope_type, scope, movement, deal_id, rank
    from past_teams
    union all
    select period_type, period_start, scope_type, scope, movement, deal_id,
        row_number() over (partition by period_type, period_start, scope_type, scope, movement order by abs(amount) desc, deal_id)
    -- Every deal of the current month and quarter, in the company and in its team.
    from (
        select *, 'company' as scope_type, 'company' as scope from keys where period = 'current'
        union all
        select *, 'team', team from keys where period = 'current' and team is not null
    )
)

select
    deals.period_type,
    deals.period_start,
    periods.period_end,
    periods.period,
    ranked.scope_type,
    ranked.scope,
    deals.team,
    deals.movement,
    movements.movement_order,
    cast(ranked.rank as integer) as rank,
    deals.deal_id,
    fact_deal.deal_name,
    deals.rep_id,
    deals.rep_name,
    deals.stage,
    deals.amount,
    deals.amount_at_start,
    deals.amount_at_exit,
    deals.close_date_at_start,
    deals.close_date_at_exit,
    deals.closed_at,
    deals.is_deleted
from ranked
join int_waterfall_deals as deals using (period_type, period_start, movement, deal_id)
join int_waterfall_periods as periods using (period_type, period_start)
join movements using (movement)
left join core.fact_deal as fact_deal using (deal_id)

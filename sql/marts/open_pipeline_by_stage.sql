/*
description: The open pipeline at the as-of instant T by current stage, for the team and manager
  pages: one row per scope and stage that holds at least one open deal (marts.open_deals). Scopes:
  each current rep (core.dim_rep, is_current), each team (rep_id NULL: the sum of its reps) and the
  company (rep_id and team NULL: the teams plus the deals of rep ids with no current core.dim_rep
  row). Amounts are core.fact_deal's (as known at T).
  Grain: scope_type, team, rep_id, stage.
columns:
  as_of: The run's as-of date.
  scope_type: rep, team or company.
  team: The rep's current team for rep rows, the team for team rows; NULL for the company row.
  rep_id: The rep for rep rows; NULL for team and company rows.
  stage: The current canonical stage of the deals.
  stage_order: The stage's order, 1-8 (core.dim_stage).
  deals: Open deals in the stage.
  amount: Their amount, DECIMAL(18,2) (deals without an amount add 0); 0 when none has one.
  stalled: Those that are stalled (core.fact_deal.is_stalled).
  overdue: Those that are overdue (marts.open_deals.is_overdue: reached opportunity and expected close date before the as-of date).
*/
with scoped as (
    select 'rep' as scope_type, team, rep_id, * exclude (team, rep_id) from marts.open_deals where team is not null
    union all
    select 'team' as scope_type, team, null as rep_id, * exclude (team, rep_id) from marts.open_deals where team is not null
    union all
    select 'company' as scope_type, null as team, null as rep_id, * exclude (team, rep_id) from marts.open_deals
),

rolled as (
    select
        params.as_of,
        scoped.scope_type,
        team,
        rep_id,
        scoped.stage,
        scoped.stage_order,
        count(*) as deals,
        cast(coalesce(sum(scoped.amount), 0) as decimal(18, 2)) as amount,
        count(*) filter (where scoped.is_stalled) as stalled,
        count(*) filter (where scoped.is_overdue) as overdue
    from scoped
    cross join run_params as params
    group by all
)

select * from rolled
order by
    case scope_type when 'company' then 0 when 'team' then 1 else 2 end,
    team,
    rep_id,
    stage_order

/*
description: The open pipeline at the as-of instant T by expected close month, for the team and
  manager pages: one row per scope and month (or no date) that holds at least one open deal
  (marts.open_deals). Scopes: each current rep (core.dim_rep, is_current), each team (rep_id NULL:
  the sum of its reps) and the company (rep_id and team NULL: the teams plus the deals of rep ids
  with no current core.dim_rep row). Amounts and dates are core.fact_deal's (as known at T). Grain: scope_type, team, rep_id, close_month.
columns:
  as_of: The run's as-of date.
  scope_type: rep, team or company.
  team: The rep's current team for rep rows, the team for team rows; NULL for the company row.
  rep_id: The rep for rep rows; NULL for team and company rows.
  close_month: First day of the month of the expected close date; NULL for deals without one.
  is_overdue: True when close_month is before the month of the as-of date (false for NULL); a deal due earlier in the as-of month is not counted here (see marts.open_deals.is_overdue for the day-exact flag).
  deals: Open deals expected to close in the month.
  amount: Their amount, DECIMAL(18,2) (deals without an amount add 0); 0 when none has one.
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
        cast(date_trunc('month', scoped.expected_close_date) as date) as close_month,
        coalesce(date_trunc('month', scoped.expected_close_date) < date_trunc('month', params.as_of), false) as is_overdue,
        count(*) as deals,
        cast(coalesce(sum(scoped.amount), 0) as decimal(18, 2)) as amount
    from scoped
    cross join run_params as params
    group by all
)

select * from rolled
order by
    case scope_type when 'company' then 0 when 'team' then 1 else 2 end,
    team,
    rep_id,
    close_month nulls last

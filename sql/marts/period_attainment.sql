/*
description: Quota attainment and coverage (METRICS.md section 8) for the current and the next
  UTC calendar month and quarter (current = the one containing the as-of date): one row per
  current rep of core.dim_rep (is_current) and period, even for a rep without deals or quota; one
  per team (rep_id NULL) summing the team's current reps; one company row (rep_id and team NULL)
  summing the teams plus the deals and quotas of rep ids with no current core.dim_rep row.
  Amounts and expected close dates are core.fact_deal's: as known at T (the latest stage-history
  row before T that carries one, else the export's; the nightly snapshots of section 9 will come
  first).
  Grain: period_type, period, scope_type, team, rep_id.
columns:
  as_of: The run's as-of date.
  period_type: month or quarter (UTC calendar).
  period_start: First day of the period P.
  rep_id: The rep (core.dim_rep.rep_id) for scope rep; NULL for team and company rows.
  team: The rep's current team (core.dim_rep, is_current) for rep rows, the team for team rows; NULL for the company row.
  quota: Quota for P, DECIMAL(18,2): each core.fact_quota row of the rep counts quota * overlap_days / row_days (its dates inclusive), the rep's sum rounded to cents; NULL when no quota row overlaps P. Team and company: the sum over their reps' rounded quotas (NULL when none of them has one).
  won_to_date: Amount of the deals won with closed_at in [P.start, min(T, P.end)); 0 when none (0 for a next period, which starts at or after T).
  attainment: won_to_date / quota, DOUBLE; NULL without a quota (or a quota of 0).
  open_in_period: Amount of the deals open at T that reached opportunity (max_stage_order >= 4) with expected_close_date in [max(as-of date, P.start), P.end); 0 when none.
  overdue_open: Amount of the deals open at T that reached opportunity with expected_close_date before the as-of date (the same for every period); reported beside coverage, never counted in it.
  coverage: open_in_period / (quota - won_to_date), DOUBLE; NULL without a quota or when quota - won_to_date <= 0.
  scope_type: rep, team or company.
  period_end: First day after P (P = [period_start, period_end)).
  period: current (contains the as-of date) or next (the period after it).
  rep_name: The rep's name (core.dim_rep); NULL for team and company rows.
  is_active: core.dim_rep.is_active of the rep (false when reps.csv marks it inactive, NULL when it does not say); NULL for team and company rows.
  won_deals: Number of deals counted in won_to_date (deals without an amount included).
  gap: quota - won_to_date (negative when the quota is exceeded); NULL without a quota.
  open_in_period_deals: Number of deals counted in open_in_period.
  overdue_deals: Number of deals counted in overdue_open.
  stalled_deals: Open deals at T with is_stalled, in any stage.
  open_deals: Every deal open at T, in any stage (reached opportunity or not).
  open_amount: Amount of every deal open at T; 0 when none.
*/
with params as (
    select as_of, as_of_instant from run_params
),

-- The current and the next month and quarter (the forecast's own periods: one definition).
periods as (
    select period_type, period, period_start, period_end
    from int_forecast_periods
    where kind = 'forecast'
),

-- Quota rows prorated to the periods by the days they share, then rounded per rep.
quotas as (
    select
        periods.period_type,
        periods.period,
        quotas.rep_id,
        cast(sum(
            cast(quotas.quota as double)
            * datediff('day', greatest(quotas.period_start, periods.period_start), least(quotas.period_end + 1, periods.period_end))
            / datediff('day', quotas.period_start, quotas.period_end + 1)
        ) as decimal(18, 2)) as quota
    from core.fact_quota as quotas
    join periods
        on quotas.period_start < periods.period_end
        and quotas.period_end >= periods.period_start
    group by all
),

-- Each deal's flags for each period.
flagged as (
    select
        periods.period_type,
        periods.period,
        deals.rep_id,
        deals.amount,
        deals.status = 'open' as is_open,
        deals.status = 'open' and deals.is_stalled as is_stalled,
        deals.status = 'won'
            and deals.closed_at >= periods.period_start
            and deals.closed_at < least(params.as_of_instant, periods.period_end) as won,
        coalesce(deals.status = 'open' and deals.max_stage_order >= 4
            and deals.expected_close_date >= greatest(params.as_of, periods.period_start)
            and deals.expected_close_date < periods.period_end, false) as open_in_period,
        coalesce(deals.status = 'open' and deals.max_stage_order >= 4
            and deals.expected_close_date < params.as_of, false) as overdue
    from periods
    cross join params
    cross join core.fact_deal as deals
),

-- Deal figures per period and rep id (every rep id seen among the deals).
deals as (
    select
        period_type,
        period,
        rep_id,
        coalesce(sum(amount) filter (where won), 0) as won_to_date,
        count(*) filter (where won) as won_deals,
        coalesce(sum(amount) filter (where open_in_period), 0) as open_in_period,
        count(*) filter (where open_in_period) as open_in_period_deals,
        coalesce(sum(amount) filter (where overdue), 0) as overdue_open,
        count(*) filter (where overdue) as overdue_deals,
        count(*) filter (where is_stalled) as stalled_deals,
        count(*) filter (where is_open) as open_deals,
        coalesce(sum(amount) filter (where is_open), 0) as open_amount
    from flagged
    group by all
),

-- Every rep id with a quota or a deal, with its current rep row when it has one.
owners as (
    select
        periods.period_type,
        periods.period,
        ids.rep_id,
        quotas.quota,
        coalesce(deals.won_to_date, 0) as won_to_date,
        coalesce(deals.won_deals, 0) as won_deals,
        coalesce(deals.open_in_period, 0) as open_in_period,
        coalesce(deals.open_in_period_deals, 0) as open_in_period_deals,
        coalesce(deals.overdue_open, 0) as overdue_open,
        coalesce(deals.overdue_deals, 0) as overdue_deals,
        coalesce(deals.stalled_deals, 0) as stalled_deals,
        coalesce(deals.open_deals, 0) as open_deals,
        coalesce(deals.open_amount, 0) as open_amount
    from periods
    cross join (
        select rep_id from core.dim_rep where is_current
        union select rep_id from core.fact_quota
        union select rep_id from core.fact_deal
    ) as ids
    left join quotas using (period_type, period, rep_id)
    left join deals using (period_type, period, rep_id)
),

rep_rows as (
    select
        'rep' as scope_type,
        owners.period_type,
        owners.period,
        owners.rep_id,
        reps.rep_name,
        reps.team,
        reps.is_active,
        owners.* exclude (period_type, period, rep_id)
    from owners
    join core.dim_rep as reps on reps.rep_id = owners.rep_id and reps.is_current
),

team_rows as (
    select
        'team' as scope_type,
        period_type,
        period,
        cast(null as varchar) as rep_id,
        cast(null as varchar) as rep_name,
        team,
        cast(null as boolean) as is_active,
        sum(quota) as quota,
        sum(won_to_date) as won_to_date,
        sum(won_deals) as won_deals,
        sum(open_in_period) as open_in_period,
        sum(open_in_period_deals) as open_in_period_deals,
        sum(overdue_open) as overdue_open,
        sum(overdue_deals) as overdue_deals,
        sum(stalled_deals) as stalled_deals,
        sum(open_deals) as open_deals,
        sum(open_amount) as open_amount
    from rep_rows
    group by all
),

company_rows as (
    select
        'company' as scope_type,
        period_type,
        period,
        cast(null as varchar) as rep_id,
        cast(null as varchar) as rep_name,
        cast(null as varchar) as team,
        cast(null as boolean) as is_active,
        sum(quota) as quota,
        sum(won_to_date) as won_to_date,
        sum(won_deals) as won_deals,
        sum(open_in_period) as open_in_period,
        sum(open_in_period_deals) as open_in_period_deals,
        sum(overdue_open) as overdue_open,
        sum(overdue_deals) as overdue_deals,
        sum(stalled_deals) as stalled_deals,
        sum(open_deals) as open_deals,
        sum(open_amount) as open_amount
    from owners
    group by all
),

scoped as (
    select * from rep_rows
    union all by name
    select * from team_rows
    union all by name
    select * from company_rows
)

select
    params.as_of,
    scoped.period_type,
    periods.period_start,
    scoped.rep_id,
    scoped.team,
    cast(scoped.quota as decimal(18, 2)) as quota,
    cast(scoped.won_to_date as decimal(18, 2)) as won_to_date,
    cast(scoped.won_to_date as double) / nullif(cast(scoped.quota as double), 0) as attainment,
    cast(scoped.open_in_period as decimal(18, 2)) as open_in_period,
    cast(scoped.overdue_open as decimal(18, 2)) as overdue_open,
    case when scoped.quota - scoped.won_to_date > 0
        then cast(scoped.open_in_period as double) / cast(scoped.quota - scoped.won_to_date as double)
    end as coverage,
    scoped.scope_type,
    periods.period_end,
    scoped.period,
    scoped.rep_name,
    scoped.is_active,
    cast(scoped.won_deals as bigint) as won_deals,
    cast(scoped.quota - scoped.won_to_date as decimal(18, 2)) as gap,
    cast(scoped.open_in_period_deals as bigint) as open_in_period_deals,
    cast(scoped.overdue_deals as bigint) as overdue_deals,
    cast(scoped.stalled_deals as bigint) as stalled_deals,
    cast(scoped.open_deals as bigint) as open_deals,
    cast(scoped.open_amount as decimal(18, 2)) as open_amount
from scoped
join periods using (period_type, period)
cross join params
order by
    scoped.period_type,
    case scoped.period when 'current' then 0 else 1 end,
    case scoped.scope_type when 'company' then 0 when 'team' then 1 else 2 end,
    scoped.team,
    scoped.rep_id

/*
description: Every forecast of int_forecast_periods, per scope: at the run's own T for the company,
  each team and each rep (int_deal_scopes), at the backtest origins for the company; one
  computation, so a backtest row is what a run with that as-of computes (METRICS.md section 8).
  Expected additional = the open deals' expected amounts (int_forecast_open_cells priced with int_forecast_rates) + the deals not
  yet created: the mean amount won, in the training windows, by deals created after the training
  instant. The range: the open deals are independent wins (variance sum p(1-p)a^2), the new deals a
  compound Poisson count (variance: the mean over the windows of the sum of their amounts
  squared); low and high = the mean -/+ 1.2816 standard deviations (normal 10th and 90th
  percentiles), low never below won to date. The open deals' variance is multiplied by the
  training's dispersion when above 1 (int_forecast_training), the new deals' is the larger of the
  compound Poisson variance and the variance across the windows. Grain: origin, period_type, period_start, scope_type, scope_id.
columns:
  kind: forecast (the run's T) or backtest.
  origin: The forecast's origin T.
  as_of: The as-of date of a run with that T.
  period_type: month or quarter.
  period: current or next (kind forecast); NULL for backtest rows.
  period_start: First day of P.
  period_end: First day after P.
  scope_type: company, team or rep (backtest rows: company only).
  scope_id: '' for the company, the team, or the rep_id.
  won_to_date: Amount won with closed_at in [P.start, min(origin, P.end)), amounts known at origin.
  expected_from_open: Sum of the expected amounts of the deals open at origin, DOUBLE; NULL without training windows.
  expected_from_new: Mean amount won in the training windows by deals created after the training instant, DOUBLE; NULL without training windows.
  variance: Variance of the expected additional amount, DOUBLE.
  training_windows: How many training windows (int_forecast_training_windows) the forecast learned from; 0 means no forecast.
  open_deals: Deals open at origin in the scope.
  weighted_pipeline: Sum over open in period deals (reached opportunity, expected_close_date in [max(as_of, P.start), P.end)) of amount * the stage's default probability (cfg_stage_probability).
  run_rate_mean: Mean won amount of the 3 latest periods of the type ending at or before min(origin, P.start), amounts known at origin.
  remaining_share: Days of [max(origin, P.start), P.end) / days of P.
*/
with periods as (
    select *,
        -- The wins a forecast counts start at P.start or at the run rate's first period, whichever is earlier.
        cast(date_trunc(period_type, least(origin, cast(period_start as timestamp))) as timestamp) as run_rate_end,
        least(cast(period_start as timestamp),
            cast(date_trunc(period_type, least(origin, cast(period_start as timestamp))) as timestamp)
                - to_months(case period_type when 'month' then 3 else 9 end)) as counted_from
    from int_forecast_periods
),

-- Sums are taken per owner first, then added to each scope of the owner (int_owner_scopes); a
-- backtest counts the company only.
owner_scopes as (
    select 'forecast' as kind, owner_id, scope_type, scope_id from int_owner_scopes
    union all
    select 'backtest', owner_id, scope_type, scope_id from int_owner_scopes where scope_type = 'company'
),

scopes as (
    select distinct periods.kind, periods.origin, periods.period_type, periods.period_start, scopes.scope_type, scopes.scope_id
    from periods
    join (
        select 'forecast' as kind, scope_type, scope_id from int_scopes
        union all
        select 'backtest', 'company', ''
    ) as scopes using (kind)
),

-- The wins each forecast counts: won to date from P.start, the run rate's 3 periods before
-- min(origin, P.start); a win a run with T = origin sees (visible before it, not reopened by it),
-- at the amount known at the origin: the amount at the win, unless a later history row before
-- the origin carries another (then that row's, found below).
counted_wins as (
    select
        periods.kind,
        periods.origin,
        periods.period_type,
        periods.period_start,
        periods.period_end,
        wins.deal_id,
        wins.won_at,
        wins.amount,
        wins.next_amount_at is not null and wins.next_amount_at < periods.origin as amount_changed,
        periods.run_rate_end
    from periods
    join int_deal_wins as wins
        on wins.visible_from < periods.origin
        and wins.won_at >= periods.counted_from
    where wins.reopened_at is null or wins.reopened_at >= periods.origin
),

changed_amounts as (
    select changed.origin, changed.deal_id, changed.won_at,
        coalesce(cast(round(amount_rows.amount * deals.exchange_rate, 2) as decimal(18, 2)), deals.amount) as amount
    from (select distinct origin, deal_id, won_at from counted_wins where amount_changed) as changed
    join int_deals as deals using (deal_id)
    -- Only those deals' history rows: the ASOF join sorts its right side whole.
    asof left join (
        select * from int_deal_amount_rows
        where deal_id in (select deal_id from counted_wins where amount_changed)
    ) as amount_rows
        on amount_rows.deal_id = changed.deal_id
        and changed.origin > amount_rows.entered_at
),

won_by_owner as (
    select
        counted.kind,
        counted.origin,
        counted.period_type,
        counted.period_start,
        deals.rep_id as owner_id,
        sum(coalesce(changed.amount, counted.amount)) filter (where counted.won_at >= counted.period_start
            and counted.won_at < least(counted.origin, counted.period_end)) as won_to_date,
        sum(coalesce(changed.amount, counted.amount)) filter (where counted.won_at >= counted.run_rate_end
            - to_months(case counted.period_type when 'month' then 3 else 9 end)
            and counted.won_at < counted.run_rate_end) as won_last_3
    from counted_wins as counted
    -- changed_amounts holds a row for (origin, deal_id, won_at) exactly where amount_changed.
    left join changed_amounts as changed
        on changed.origin = counted.origin and changed.deal_id = counted.deal_id and changed.won_at = counted.won_at
    join core.fact_deal as deals on deals.deal_id = counted.deal_id
    group by all
),

won as (
    select by_owner.kind, by_owner.origin, by_owner.period_type, by_owner.period_start,
        owner_scopes.scope_type, owner_scopes.scope_id,
        sum(by_owner.won_to_date) as won_to_date, sum(by_owner.won_last_3) as won_last_3
    from won_by_owner as by_owner
    join owner_scopes using (kind, owner_id)
    group by all
),

-- The open deals, priced per cell (int_forecast_cell_rates).
priced_cells as (
    select cells.*, rates.win_probability, rates.value_rate, rates.mean_won_amount
    from int_forecast_open_cells as cells
    join int_forecast_cell_rates as rates using (origin, period_type, period_start, stage, age_bucket, company_size)
),

-- As int_forecast_open_deals prices one deal: value rate * amount, or without an amount the
-- chance * the mean won amount; variance (expected)^2 (1 - p) / p per deal.
open_expected as (
    select
        kind,
        origin,
        period_type,
        period_start,
        scope_type,
        scope_id,
        sum(value_rate * cast(amount as double) + coalesce(win_probability, 0) * mean_won_amount * (deals - amount_deals)) as expected_from_open,
        sum(case when win_probability > 0
            then (1 - win_probability) / win_probability * value_rate * value_rate * cast(amount_squared as double)
                + win_probability * (1 - win_probability) * mean_won_amount * mean_won_amount * (deals - amount_deals)
            else 0 end) as variance,
        sum(deals) as open_deals,
        sum(weighted_pipeline) as weighted_pipeline
    from priced_cells
    group by all
),

windows as (
    select origin, period_type, period_start, count(*) as training_windows
    from int_forecast_training_windows
    group by all
),

-- Each deal's first win, with when the deal was created.
first_wins as (
    select wins.deal_id, wins.won_at, wins.amount, deals.created_at, deals.rep_id as owner_id
    from int_deal_wins as wins
    join core.fact_deal as deals using (deal_id)
    where wins.is_first_win
),

-- Deals created after a training instant and first won inside its window, per owner and window,
-- then per scope and window.
new_wins_per_owner as (
    select
        periods.kind,
        windows.origin,
        windows.period_type,
        windows.period_start,
        windows.k,
        wins.owner_id,
        sum(wins.amount) as amount,
        sum(wins.amount * wins.amount) as amount_squared
    from int_forecast_training_windows as windows
    join periods using (origin, period_type, period_start)
    join first_wins as wins
        on wins.won_at >= windows.window_start
        and wins.won_at < windows.window_end
        and wins.created_at >= windows.train_at
    group by all
),

new_wins_per_window as (
    select
        by_owner.kind,
        by_owner.origin,
        by_owner.period_type,
        by_owner.period_start,
        by_owner.k,
        owner_scopes.scope_type,
        owner_scopes.scope_id,
        sum(by_owner.amount) as amount,
        sum(by_owner.amount_squared) as amount_squared
    from new_wins_per_owner as by_owner
    join owner_scopes using (kind, owner_id)
    group by all
),

-- Their mean and variance over all the windows (a window without such a win counts as 0).
new_wins as (
    select
        per_window.kind,
        per_window.origin,
        per_window.period_type,
        per_window.period_start,
        per_window.scope_type,
        per_window.scope_id,
        sum(per_window.amount) as amount,
        cast(sum(per_window.amount_squared) as double) as amount_squared,
        case when any_value(windows.training_windows) >= 2 then
            (cast(sum(cast(per_window.amount as double) * cast(per_window.amount as double)) as double)
                - cast(sum(per_window.amount) as double) * cast(sum(per_window.amount) as double) / any_value(windows.training_windows))
                / (any_value(windows.training_windows) - 1)
        end as amount_variance
    from new_wins_per_window as per_window
    join windows using (origin, period_type, period_start)
    group by all
)

select
    periods.kind,
    periods.origin,
    periods.as_of,
    periods.period_type,
    periods.period,
    periods.period_start,
    periods.period_end,
    scopes.scope_type,
    scopes.scope_id,
    cast(coalesce(won.won_to_date, 0) as decimal(18, 2)) as won_to_date,
    case when windows.training_windows > 0 then coalesce(open_expected.expected_from_open, 0) end as expected_from_open,
    case when windows.training_windows > 0 then coalesce(cast(new_wins.amount as double), 0) / windows.training_windows end as expected_from_new,
    case when windows.training_windows > 0 then
        coalesce(open_expected.variance, 0) * greatest(coalesce(training.dispersion, 1), 1)
        + greatest(
            coalesce(new_wins.amount_squared, 0) / windows.training_windows,
            coalesce(new_wins.amount_variance, 0))
    end as variance,
    coalesce(windows.training_windows, 0) as training_windows,
    coalesce(open_expected.open_deals, 0) as open_deals,
    coalesce(open_expected.weighted_pipeline, 0) as weighted_pipeline,
    coalesce(cast(won.won_last_3 as double), 0) / 3 as run_rate_mean,
    (epoch(cast(periods.period_end as timestamp)) - epoch(greatest(periods.origin, cast(periods.period_start as timestamp))))
        / (epoch(cast(periods.period_end as timestamp)) - epoch(cast(periods.period_start as timestamp))) as remaining_share
from scopes
join periods using (kind, origin, period_type, period_start)
left join won using (kind, origin, period_type, period_start, scope_type, scope_id)
left join open_expected using (kind, origin, period_type, period_start, scope_type, scope_id)
left join windows using (origin, period_type, period_start)
left join new_wins using (kind, origin, period_type, period_start, scope_type, scope_id)
left join int_forecast_training as training using (origin, period_type, period_start)

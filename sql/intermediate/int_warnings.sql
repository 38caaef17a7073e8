/*
description: Early warnings (METRICS.md section 6), flagged rows only, per scope: the company (all
  deals) and each team (the deals of reps whose current team in core.dim_rep it is; its segments
  among its deals). For each segment, the latest complete month M against the 6 months before it,
  pooled: stage conversion (stages 1-8) and win rate by a two-proportion z-test (evaluated when
  n1 >= 20 and n0 >= 60; z <= -2 warning, z <= -3 critical); pipeline creation against the
  baseline monthly mean (evaluated when the mean >= 10; below 0.7x warning, below 0.5x critical);
  median won cycle against the baseline median (evaluated when n1 >= 10, n0 >= 30 and the baseline
  median > 0; ratio >= 1.25 warning, >= 1.5 critical). marts.segment_warnings is the company rows,
  marts.team_warnings the team rows. Grain: scope_type, team, segment_type, segment_value, metric, stage.
*/

with params as (
    select
        as_of,
        cast(date_trunc('month', as_of_instant) - interval '1' month as date) as current_month,
        cast(date_trunc('month', as_of_instant) - interval '7' month as date) as baseline_start
    from run_params
),

-- Stage exits and closes of the 7 months, from the additive marts, rolled up to each segment type.
-- Each row once for the company and once for the current team of its rep (core.dim_rep), if any.
rep_teams as (
    select rep_id, team from core.dim_rep where is_current
),

flows as (
    select 'company' as scope_type, '' as scope_id, flow.*, flow.month = params.current_month as is_current
    from marts.stage_flow as flow
    cross join params
    where flow.month >= params.baseline_start and flow.month <= params.current_month
    union all
    select 'team', rep_teams.team, flow.*, flow.month = params.current_month
    from marts.stage_flow as flow
    join rep_teams using (rep_id)
    cross join params
    where flow.month >= params.baseline_start and flow.month <= params.current_month
),

closes as (
    select 'company' as scope_type, '' as scope_id, outcomes.*, outcomes.month = params.current_month as is_current
    from marts.outcomes_monthly as outcomes
    cross join params
    where outcomes.month >= params.baseline_start and outcomes.month <= params.current_month
    union all
    select 'team', rep_teams.team, outcomes.*, outcomes.month = params.current_month
    from marts.outcomes_monthly as outcomes
    join rep_teams using (rep_id)
    cross join params
    where outcomes.month >= params.baseline_start and outcomes.month <= params.current_month
),

flows_by_segment as (
    select scope_type, scope_id, 'all' as segment_type, 'all' as segment_value, stage_order, is_current, exited, advanced from flows
    union all select scope_type, scope_id, 'region', region, stage_order, is_current, exited, advanced from flows
    union all select scope_type, scope_id, 'product', product, stage_order, is_current, exited, advanced from flows
    union all select scope_type, scope_id, 'company_size', company_size, stage_order, is_current, exited, advanced from flows
    union all select scope_type, scope_id, 'lead_type', lead_type, stage_order, is_current, exited, advanced from flows
),

closes_by_segment as (
    select scope_type, scope_id, 'all' as segment_type, 'all' as segment_value, is_current, won, lost from closes
    union all select scope_type, scope_id, 'region', region, is_current, won, lost from closes
    union all select scope_type, scope_id, 'product', product, is_current, won, lost from closes
    union all select scope_type, scope_id, 'company_size', company_size, is_current, won, lost from closes
    union all select scope_type, scope_id, 'lead_type', lead_type, is_current, won, lost from closes
),

-- Stage conversion: exits attributed to the month of the exit; win rate: deals closed in the month.
counts as (
    select
        scope_type,
        scope_id,
        segment_type,
        segment_value,
        'stage_conversion' as metric,
        stage_order,
        sum(exited) filter (where is_current) as n1,
        sum(advanced) filter (where is_current) as x1,
        sum(exited) filter (where not is_current) as n0,
        sum(advanced) filter (where not is_current) as x0
    from flows_by_segment
    group by all
    union all
    select
        scope_type,
        scope_id,
        segment_type,
        segment_value,
        'win_rate',
        cast(null as integer),
        sum(won + lost) filter (where is_current),
        sum(won) filter (where is_current),
        sum(won + lost) filter (where not is_current),
        sum(won) filter (where not is_current)
    from closes_by_segment
    group by all
),

proportions as (
    select
        *,
        x1 + x0 as pooled_x,
        n1 + n0 as pooled_n,
        x1 * n0 - x0 * n1 as cross_difference
    from counts
    where n1 >= 20 and n0 >= 60
),

-- z is computed from its square, a ratio of integers: with d = x1 n0 - x0 n1, N = n1 + n0 and
-- x = x1 + x0, z^2 = d^2 N / (n1 n0 x (N - x)). Algebraically the formula of METRICS.md, but a z of
-- exactly -2 or -3 comes out exact (the textbook form in doubles gives -1.9999999999999998 for
-- 4/20 against 44/100, so a z of -2 would not warn). The root is 0 when x is 0 or N: z = 0.
z_tests as (
    select
        scope_type,
        scope_id,
        segment_type,
        segment_value,
        metric,
        stage_order,
        n1 as current_n,
        x1 / n1 as current_value,
        n0 as baseline_n,
        x0 / n0 as baseline_value,
        case
            when pooled_x = 0 or pooled_x = pooled_n then 0.0
            else sign(cross_difference) * sqrt(
                cast(cross_difference * cross_difference * pooled_n as double)
                / cast(n1 * n0 * pooled_x * (pooled_n - pooled_x) as double))
        end as z_score
    from proportions
),

-- Pipeline creation: deals whose first entry of order >= 4 (opportunity or later) falls in the
-- month; cycle time: the sales cycles of the deals won in the month. Per deal, then per segment.
created_deals as (
    select transitions.deal_id, min(transitions.entered_at) >= params.current_month as is_current
    from core.fact_stage_transition as transitions
    cross join params
    where transitions.stage_order >= 4
    group by transitions.deal_id, params.current_month, params.baseline_start
    having min(transitions.entered_at) >= params.baseline_start
        and min(transitions.entered_at) < params.current_month + interval '1' month
),

won_deals as (
    select deals.deal_id, deals.closed_at >= params.current_month as is_current, deals.cycle_days
    from core.fact_deal as deals
    cross join params
    where deals.status = 'won'
        and deals.closed_at >= params.baseline_start
        and deals.closed_at < params.current_month + interval '1' month
),

-- Each deal once for the company and once for its rep's current team, if any.
created as (
    select scopes.scope_type, scopes.scope_id, created_deals.*
    from created_deals
    join int_deal_scopes as scopes using (deal_id)
    where scopes.scope_type in ('company', 'team')
),

won as (
    select scopes.scope_type, scopes.scope_id, won_deals.*
    from won_deals
    join int_deal_scopes as scopes using (deal_id)
    where scopes.scope_type in ('company', 'team')
),

created_by_segment as (
    select scope_type, scope_id, 'all' as segment_type, 'all' as segment_value, created.is_current from created
    union all select scope_type, scope_id, 'region', deals.region, created.is_current from created join core.fact_deal as deals using (deal_id)
    union all select scope_type, scope_id, 'product', deals.product, created.is_current from created join core.fact_deal as deals using (deal_id)
    union all select scope_type, scope_id, 'company_size', deals.company_size, created.is_current from created join core.fact_deal as deals using (deal_id)
    union all select scope_type, scope_id, 'lead_type', deals.lead_type, created.is_current from created join core.fact_deal as deals using (deal_id)
),

won_by_segment as (
    select scope_type, scope_id, 'all' as segment_type, 'all' as segment_value, won.is_current, won.cycle_days from won
    union all select scope_type, scope_id, 'region', deals.region, won.is_current, won.cycle_days from won join core.fact_deal as deals using (deal_id)
    union all select scope_type, scope_id, 'product', deals.product, won.is_current, won.cycle_days from won join core.fact_deal as deals using (deal_id)
    union all select scope_type, scope_id, 'company_size', deals.company_size, won.is_current, won.cycle_days from won join core.fact_deal as deals using (deal_id)
    union all select scope_type, scope_id, 'lead_type', deals.lead_type, won.is_current, won.cycle_days from won join core.fact_deal as deals using (deal_id)
),

creation as (
    select
        scope_type,
        scope_id,
        segment_type,
        segment_value,
        count(*) filter (where is_current) as current_count,
        count(*) filter (where not is_current) as baseline_total
    from created_by_segment
    group by all
),

cycles as (
    select
        scope_type,
        scope_id,
        segment_type,
        segment_value,
        count(*) filter (where is_current) as n1,
        quantile_cont(cycle_days, 0.5) filter (where is_current) as median1,
        count(*) filter (where not is_current) as n0,
        quantile_cont(cycle_days, 0.5) filter (where not is_current) as median0
    from won_by_segment
    group by all
),

flagged as (
    select
        scope_type, scope_id, segment_type, segment_value, metric, stage_order,
        current_n, current_value, baseline_n, baseline_value, z_score,
        case when z_score <= -3 then 'critical' when z_score <= -2 then 'warning' end as severity
    from z_tests
    union all
    select
        scope_type, scope_id, segment_type, segment_value, 'pipeline_creation', null,
        current_count, current_count, baseline_total, baseline_total / 6, null,
        case
            when current_count < 0.5 * (baseline_total / 6) then 'critical'
            when current_count < 0.7 * (baseline_total / 6) then 'warning'
        end
    from creation
    where baseline_total / 6 >= 10
    union all
    select
        scope_type, scope_id, segment_type, segment_value, 'cycle_time', null,
        n1, median1, n0, median0, null,
        case when median1 / median0 >= 1.5 then 'critical' when median1 / median0 >= 1.25 then 'warning' end
    from cycles
    where n1 >= 10 and n0 >= 30 and median0 > 0
)

select
    flagged.scope_type,
    nullif(flagged.scope_id, '') as team,
    params.as_of,
    flagged.segment_type,
    flagged.segment_value,
    flagged.metric,
    stages.stage,
    params.current_month as month,
    flagged.current_n,
    cast(flagged.current_value as double) as current_value,
    flagged.baseline_n,
    cast(flagged.baseline_value as double) as baseline_value,
    flagged.z_score,
    flagged.severity,
    flagged.stage_order
from flagged
cross join params
left join core.dim_stage as stages on stages.stage_order = flagged.stage_order
where flagged.severity is not null

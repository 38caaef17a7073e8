-- Stage exits and advances (sums of marts.stage_flow) of every rep's deals, for the 3, 6 and 12
-- calendar months ending with the as-of month ($as_of), with the rep's current team.
-- Grain: window_months, rep_id, stage.
with params as (
    select cast(date_trunc('month', cast($as_of as date)) as date) as as_of_month
),

windows as (
    select * from (values (3), (6), (12)) as windows(window_months)
),

final as (
    select
        windows.window_months,
        flow.rep_id,
        reps.team,
        flow.stage,
        flow.stage_order,
        sum(flow.exited) as exited,
        sum(flow.advanced) as advanced
    from marts.stage_flow as flow
    cross join params
    join windows on flow.month > params.as_of_month - to_months(windows.window_months)
        and flow.month <= params.as_of_month
    join core.dim_rep as reps on reps.rep_id = flow.rep_id and reps.is_current
    group by all
)

select * from final order by window_months, rep_id, stage_order

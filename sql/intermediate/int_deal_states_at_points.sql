/*
description: Each deal's state at every instant the forecast needs (the origins of
  int_forecast_periods and the training instants of int_forecast_training_windows), read from the
  timelines as a run with that instant as its T would build them: the entry that began before the
  instant and had not ended by it (core.fact_stage_transition; a deal whose history rows all come
  later is a lead since its creation). Only deals created before the instant; only the rows the
  forecast uses: deals open at the instant, and at origins also deals won in the 15 months before
  it (won to date, run rate). Grain: point_at, deal_id.
columns:
  point_at: The instant (UTC).
  deal_id: The deal.
  is_origin: True when point_at is an origin (int_forecast_periods); false for a training instant only.
  status: open or won at point_at.
  stage: The deal's stage at point_at.
  stage_order: That stage's order.
  stage_entered_at: When the deal entered that stage (the closed_won entry for a won deal).
  max_stage_order: The highest stage order reached before point_at (closed_lost never counts).
  next_won_at: For an open deal, when its timeline next enters closed_won after point_at (NULL if never before T).
*/
with origins as (
    select distinct origin as point_at from int_forecast_periods
),

points as (
    select point_at, bool_or(is_origin) as is_origin
    from (
        select point_at, true as is_origin from origins
        union all
        select distinct train_at, false from int_forecast_training_windows
    )
    group by point_at
),

entries as (
    select * from (
    select
        deal_id,
        seq,
        stage,
        stage_order,
        entered_at,
        coalesce(exited_at, 'infinity'::timestamp) as exited_at,
        max(stage_order) over (partition by deal_id order by seq) as max_stage_order,
        min(case when stage = 'closed_won' then entered_at end)
            over (partition by deal_id order by seq rows between 1 following and unbounded following) as next_won_at
    from core.fact_stage_transition
    )
    where stage <> 'closed_lost'
),

deals as (
    select deal_id, created_at, first_entered_at, first_won_at
    from (
        select
            deal_id,
            min(entered_at) as first_entered_at,
            min(entered_at) filter (where stage = 'closed_won') as first_won_at
        from core.fact_stage_transition
        group by deal_id
    )
    join core.fact_deal using (deal_id)
),

-- The entry in force at each point.
in_force as (
    select
        points.point_at,
        entries.deal_id,
        points.is_origin,
        case entries.stage when 'closed_won' then 'won' else 'open' end as status,
        entries.stage,
        entries.stage_order,
        entries.entered_at as stage_entered_at,
        entries.max_stage_order,
        entries.next_won_at
    from points
    join entries
        on entries.entered_at < points.point_at
        and entries.exited_at >= points.point_at
    join deals on deals.deal_id = entries.deal_id
    where deals.created_at < points.point_at
        and entries.stage <> 'closed_lost'
        and (entries.stage <> 'closed_won'
            or (points.is_origin and entries.entered_at >= points.point_at - interval 15 months))
),

-- Deals created before the point whose first entry comes later: a lead since creation.
waiting as (
    select
        points.point_at,
        deals.deal_id,
        points.is_origin,
        'open' as status,
        'lead' as stage,
        1 as stage_order,
        deals.created_at as stage_entered_at,
        1 as max_stage_order,
        deals.first_won_at as next_won_at
    from points
    join deals
        on deals.created_at < points.point_at
        and deals.first_entered_at >= points.point_at
)

select * from in_force
union all
select * from waiting

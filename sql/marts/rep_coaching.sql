/*
description: Rep coaching flags (METRICS.md section 6), flagged rows only: for each rep and stage
  1-8, the rep's stage conversion over the exits of its deals in the 180 days before T against the
  pooled conversion of the other reps of its current team; evaluated when the rep has >= 10 exits
  and the peers >= 30; z <= -2 flags a weak point. The weaker rows of marts.rep_stage_comparison.
  Grain: rep_id, stage.
columns:
  as_of: The run's as-of date.
  rep_id: The rep (owner of the deals, core.fact_deal.rep_id).
  team: The rep's current team (core.dim_rep).
  stage: The canonical stage.
  rep_exits: Exits of the stage by the rep's deals in [T - 180 days, T).
  rep_conversion: Advanced / exited for the rep.
  peer_exits: Exits by the deals of the other reps of the same team in the window.
  peer_conversion: Their pooled advanced / exited.
  z_score: Two-proportion z of the rep against the peers (0 when the pooled proportion is 0 or 1).
*/
select
    as_of,
    rep_id,
    team,
    stage,
    rep_exits,
    rep_conversion,
    peer_exits,
    peer_conversion,
    z_score
from marts.rep_stage_comparison
where verdict = 'weaker'
order by z_score, rep_id, stage_order

/*
description: The canonical pipeline stages (METRICS.md section 2), in order, under the labels of
  the user's own pipeline. Every source stage label maps to one of them through the stage map; a
  stage that exactly one source label of this load maps to (labels compared like the stage map
  compares them) is shown under that label as exported, e.g. Prospecting; otherwise under its
  canonical label. is_used and next_used_stage let reports show only the stages the deals use: a
  pipeline of Prospecting, Engaging, Won and Lost is two open stages, not eight. Because skipped
  stages count as reached (METRICS.md section 4), the conversion of a used stage k in
  marts.stage_flow is exactly the conversion from k to its next_used_stage. Grain: stage.
columns:
  stage: Canonical stage name, e.g. discovery_call.
  stage_order: Position in the pipeline, 1 (lead) to 9 (closed_won); NULL for closed_lost, which has no order.
  label: The stage's name for people: the user's own label when exactly one source stage label seen in this load (loaded stage-history rows and deals' exported stages) maps to the stage, in its original spelling (the most frequent one when it is written several ways); else the canonical label. A label that is the canonical stage name itself (e.g. connect_call, as a mapping's stage dates write it) is not the user's.
  canonical_label: The canonical label, e.g. Decision-maker buy-in, whatever the source labels.
  is_terminal: True for closed_won and closed_lost.
  is_used: True when some deal's timeline (core.fact_stage_transition) has an entry at the stage. The funnel shows the used stages of 1-8 only.
  next_used_stage: For stages 1-8: the next used non-terminal stage after it (among 1-8), or closed_won when there is none; the stage_flow conversion of a used stage is the conversion to this stage. NULL for closed_won and closed_lost.
  meaning: What reaching the stage means.
*/
with stages as (
    select * from int_stages
),

seen as (
    select stage, stage_label from int_stage_history where stage_label is not null
    union all
    select exported_stage, exported_stage_label from int_deals where exported_stage_label is not null
),

-- Each spelling's rows counted first, so the label key is worked out once per spelling.
spellings as (
    select labels.stage, label_key(labels.stage_label) as key, labels.stage_label, labels.n
    from (
        select stage, stage_label, count(*) as n
        from seen
        where stage_label <> stage
        group by all
    ) as labels
    join stages using (stage)
),

own_labels as (
    select
        stage,
        count(distinct key) as source_labels,
        arg_min(stage_label, (-n, stage_label)) as own_label
    from spellings
    group by stage
),

used as (
    select distinct stage from core.fact_stage_transition
),

flagged as (
    select
        stages.*,
        case when own_labels.source_labels = 1 then own_labels.own_label else stages.canonical_label end as label,
        used.stage is not null as is_used
    from stages
    left join own_labels using (stage)
    left join used using (stage)
)

select
    flagged.stage,
    flagged.stage_order,
    flagged.label,
    flagged.canonical_label,
    flagged.is_terminal,
    flagged.is_used,
    case when not flagged.is_terminal then
        coalesce(
            (select later.stage from flagged as later
             where later.is_used and not later.is_terminal and later.stage_order > flagged.stage_order
             order by later.stage_order limit 1),
            'closed_won')
    end as next_used_stage,
    flagged.meaning
from flagged
order by coalesce(flagged.stage_order, 10)

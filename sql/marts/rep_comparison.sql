/*
description: Each current rep's scorecard figures against the team, per period of
  marts.scope_periods, with a verdict only where the difference passes a stated test; otherwise
  "about the same". Win rate: a two-proportion z-test of the rep against the other reps of the
  team pooled, with the gates of the coaching flags (rep >= 10 closed deals, the others >= 30;
  better at z >= 2, worse at z <= -2). Amount won, deals won, average won deal size and median
  sales cycle: against the median of the team's reps with recent deals (marts.report_reps, the rep
  included), better or worse when more than 20% away from it (deals won: and by at least 2 deals);
  deal size and cycle need at least 5 won deals of the rep. Grain: rep_id, period, metric.
columns:
  as_of: The run's as-of date.
  rep_id: The rep.
  team: The rep's current team.
  period: this_month, this_quarter or trailing_12_months (marts.scope_periods).
  period_order: 1, 2, 3 in that order.
  metric: amount_won, won, win_rate, avg_won_amount or median_cycle_days.
  metric_order: The order the scorecards list the metrics in.
  higher_is_better: False for the sales cycle.
  rep_value: The rep's figure.
  rep_n: The deals behind it: won deals (amounts, counts, cycle), closed deals (win rate), won deals with an amount (deal size).
  team_value: What the rep is compared with: the other reps' pooled win rate for win_rate; the team median otherwise.
  team_value_basis: rest of team (pooled) or team median.
  peer_n: For win_rate the other reps' closed deals; otherwise the number of the team's reps with recent deals the median is over.
  z_score: The two-proportion z of win_rate (0 when the root is 0); NULL for the other metrics.
  verdict: better, worse, about the same, too few deals (a gate not met), no peers (nobody else in the team to compare with) or no figure (the rep's figure or the team's is missing).
  test: The test the verdict applies, in words.
*/
with reps as (
    select * from marts.scope_periods where scope_type = 'rep'
),

teams as (
    select * from marts.scope_periods where scope_type = 'team'
),

recent as (
    select rep_id, team from marts.report_reps where has_recent_deals
),

rep_values as (
    select rep_id, team, period, period_order, 'amount_won' as metric, 1 as metric_order, true as higher_is_better, cast(amount_won as double) as rep_value, won as rep_n from reps
    union all
    select rep_id, team, period, period_order, 'won', 2, true, cast(won as double), won from reps
    union all
    select rep_id, team, period, period_order, 'win_rate', 3, true, win_rate, closed from reps
    union all
    select rep_id, team, period, period_order, 'avg_won_amount', 4, true, avg_won_amount, won_with_amount from reps
    union all
    select rep_id, team, period, period_order, 'median_cycle_days', 5, false, median_cycle_days, won from reps
),

team_medians as (
    select rep_values.team, rep_values.period, rep_values.metric, median(rep_values.rep_value) as team_median, count(*) as team_reps
    from rep_values
    join recent using (rep_id)
    group by all
),

peers as (
    select
        reps.rep_id,
        reps.period,
        teams.closed - reps.closed as peer_closed,
        teams.won - reps.won as peer_won
    from reps
    join teams on teams.team = reps.team and teams.period = reps.period
),

win_rate_test as (
    select
        reps.rep_id,
        reps.period,
        peers.peer_closed,
        peers.peer_won / nullif(peers.peer_closed, 0) as peer_rate,
        (reps.won + peers.peer_won) / nullif(reps.closed + peers.peer_closed, 0) as pooled,
        reps.win_rate
    from reps
    join peers using (rep_id, period)
),

joined as (
    select
        rep_values.*,
        case when rep_values.metric = 'win_rate' then tests.peer_rate else team_medians.team_median end as team_value,
        case when rep_values.metric = 'win_rate' then 'rest of team (pooled)' else 'team median' end as team_value_basis,
        case when rep_values.metric = 'win_rate' then tests.peer_closed else coalesce(team_medians.team_reps, 0) end as peer_n,
        -- other reps with recent deals in the team: the rep itself may or may not be one of them
        coalesce(team_medians.team_reps, 0) - (case when recent.rep_id is null then 0 else 1 end) as other_reps,
        case
            when rep_values.metric <> 'win_rate' or rep_values.rep_value is null or tests.peer_rate is null then null
            when tests.pooled * (1 - tests.pooled) = 0 then 0.0
            else (rep_values.rep_value - tests.peer_rate)
                / sqrt(tests.pooled * (1 - tests.pooled) * (1.0 / rep_values.rep_n + 1.0 / tests.peer_closed))
        end as z_score
    from rep_values
    left join team_medians using (team, period, metric)
    left join win_rate_test as tests using (rep_id, period)
    left join recent using (rep_id)
)

select
    run_params.as_of,
    joined.rep_id,
    joined.team,
    joined.period,
    joined.period_order,
    joined.metric,
    joined.metric_order,
    joined.higher_is_better,
    joined.rep_value,
    joined.rep_n,
    joined.team_value,
    joined.team_value_basis,
    joined.peer_n,
    joined.z_score,
    case
        when joined.metric = 'win_rate' then case
            when joined.rep_value is null then 'no figure'
            when coalesce(joined.peer_n, 0) = 0 then 'no peers'
            when joined.rep_n < 10 or joined.peer_n < 30 then 'too few deals'
            when joined.z_score >= 2 then 'better'
            when joined.z_score <= -2 then 'worse'
            else 'about the same'
        end
        when joined.rep_value is null then 'no figure'
        when joined.other_reps < 1 then 'no peers'
        when joined.metric in ('avg_won_amount', 'median_cycle_days') and joined.rep_n < 5 then 'too few deals'
        when joined.team_value is null then 'no figure'
        when abs(joined.rep_value - joined.team_value) <= 0.2 * abs(joined.team_value) then 'about the same'
        when joined.metric = 'won' and abs(joined.rep_value - joined.team_value) < 2 then 'about the same'
        when (joined.rep_value > joined.team_value) = joined.higher_is_better then 'better'
        else 'worse'
    end as verdict,
    case
        when joined.metric = 'win_rate' then 'z-test against the rest of the team: |z| >= 2 with >= 10 closed deals of the rep and >= 30 of the others'
        when joined.metric = 'won' then 'more than 20% and at least 2 deals away from the team median'
        when joined.metric in ('avg_won_amount', 'median_cycle_days') then 'more than 20% away from the team median, with >= 5 won deals of the rep'
        else 'more than 20% away from the team median'
    end as test
from joined
cross join run_params
order by joined.rep_id, joined.period_order, joined.metric_order

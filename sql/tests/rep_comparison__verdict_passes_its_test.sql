-- A rep is only called better or worse where the stated test passes: the win rate's gates and
-- |z| >= 2; otherwise more than 20% from the team median (deals won: and >= 2 deals), with >= 5
-- won deals for deal size and cycle; and the direction matches.
select *
from marts.rep_comparison
where verdict in ('better', 'worse')
    and (
        rep_value is null or team_value is null
        or (metric = 'win_rate' and (rep_n < 10 or peer_n < 30 or abs(z_score) < 2))
        or (metric <> 'win_rate' and abs(rep_value - team_value) <= 0.2 * abs(team_value))
        or (metric = 'won' and abs(rep_value - team_value) < 2)
        or (metric in ('avg_won_amount', 'median_cycle_days') and rep_n < 5)
        or ((verdict = 'better') <> ((rep_value > team_value) = higher_is_better))
    )

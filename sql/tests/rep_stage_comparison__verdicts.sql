-- Each verdict of marts.rep_stage_comparison follows the gates of METRICS.md section 6 (rep >= 10
-- exits, peers >= 30) and z (weaker <= -2, stronger >= 2), and marts.rep_coaching is exactly its
-- weaker rows.
select rep_id, stage, verdict, 'verdict' as problem
from marts.rep_stage_comparison
where verdict is distinct from case
    when rep_exits < 10 or peer_exits < 30 then 'too few exits'
    when z_score <= -2 then 'weaker'
    when z_score >= 2 then 'stronger'
    when z_score > -2 and z_score < 2 then 'about the same'
end
union all
select coalesce(weaker.rep_id, coaching.rep_id), coalesce(weaker.stage, coaching.stage), 'weaker', 'rep_coaching'
from (select * from marts.rep_stage_comparison where verdict = 'weaker') as weaker
full join marts.rep_coaching as coaching using (rep_id, stage)
where weaker.rep_id is null or coaching.rep_id is null
    or weaker.z_score is distinct from coaching.z_score
    or weaker.rep_exits is distinct from coaching.rep_exits
    or weaker.peer_exits is distinct from coaching.peer_exits
    or weaker.team is distinct from coaching.team

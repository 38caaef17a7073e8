-- No coaching flag is below the gates of METRICS.md section 6 (rep >= 10 exits, peers >= 30, z <= -2).
select *
from marts.rep_coaching
where rep_exits < 10 or peer_exits < 30 or z_score > -2 or rep_conversion >= peer_conversion

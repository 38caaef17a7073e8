-- No cell of marts.stage_flow advances more deals than exited it, and none is empty.
select *
from marts.stage_flow
where advanced > exited or exited <= 0 or advanced < 0

/*
description: reps.csv as read, one row per record in file order. Grain: input record.
*/
select
    rowid as ordinal,
    hash(*columns(*)) as row_hash,
    clean(rep_id) as rep_id,
    clean(rep_name) as rep_name,
    clean(email) as email,
    clean(manager_id) as manager_id,
    clean(team) as team,
    clean(region) as region,
    clean(active) as active_text,
    parse_flag(active) as is_active,
    synthesized is not null as is_synthesized,
    clean(lookup_column) as lookup_column,
    clean(lookup_value) as lookup_value,
    lookup_reason
from raw_reps

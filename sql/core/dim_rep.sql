/*
description: Sales reps and managers from reps.csv. Built to carry history as a slowly changing
  dimension (type 2); a run without earlier history holds one current row per rep, valid from the
  creation of the rep's first deal (the as-of instant T when the rep has none).
  Grain: rep version.
columns:
  rep_key: Surrogate key of this version of the rep.
  rep_id: The rep's id, as exported.
  rep_name: The rep's name.
  email: The rep's e-mail address.
  manager_id: rep_id of the rep's manager; NULL at the top.
  team: The team the rep belongs to.
  region: The rep's region.
  is_active: False when reps.csv marks the rep inactive; NULL when it does not say.
  valid_from: Start of this version (UTC).
  valid_to: End of this version (UTC); NULL while it is current.
  is_current: True for the version in force at the as-of instant.
*/
with reps as (
    select * from int_reps_checked where outcome = 'loaded'
),

first_activity as (
    select rep_id, min(created_at) as first_at from int_deals where not is_after_as_of group by rep_id
),

final as (
    select
        cast(row_number() over (order by reps.rep_id) as integer) as rep_key,
        reps.rep_id,
        reps.rep_name,
        reps.email,
        reps.manager_id,
        reps.team,
        reps.region,
        reps.is_active,
        coalesce(first_activity.first_at, params.as_of_instant) as valid_from,
        cast(null as timestamp) as valid_to,
        true as is_current
    from reps
    cross join run_params as params
    left join first_activity using (rep_id)
)

select * from final

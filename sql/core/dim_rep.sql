/*
description: Sales reps and managers, a slowly changing dimension of type 2 (METRICS.md section 9)
  read from the nightly reps files (core.fact_rep_snapshot): a rep whose team, region, manager or
  active flag differs from the night before gets a new version, valid from that night's date; the
  version before ends then. A rep's first version is valid from the creation of the rep's first
  deal (the first night's date when the rep has none, or when that is later). A rep missing from
  tonight's reps file keeps its versions, none current. Figures by team at a date D use the version
  valid at D; figures as of T use the current one. Grain: rep version.
columns:
  rep_key: Surrogate key of this version of the rep (stable only within one warehouse file).
  rep_id: The rep's id, as exported.
  rep_name: The rep's name (as the newest night of this version gave it).
  email: The rep's e-mail address (as the newest night of this version gave it).
  manager_id: rep_id of the rep's manager; NULL at the top.
  team: The team the rep belongs to.
  region: The rep's region.
  is_active: False when reps.csv marks the rep inactive; NULL when it does not say.
  valid_from: Start of this version (UTC): the date of the night it was first seen (the first deal's creation for the first version).
  valid_to: End of this version (UTC): the date of the night the next version was seen, or the night the rep was first missing; NULL while it is current.
  is_current: True for the version in tonight's reps file.
*/
with params as (
    select as_of from run_params
),

-- Every night any rep was snapshotted, with the night before and after it.
snapshot_nights as (
    select snapshot_date,
        lag(snapshot_date) over (order by snapshot_date) as previous_night,
        lead(snapshot_date) over (order by snapshot_date) as next_night
    from (select distinct snapshot_date from core.fact_rep_snapshot)
),

nights as (
    select reps.*,
        snapshot_nights.previous_night,
        snapshot_nights.next_night,
        lag(reps.snapshot_date) over rep_nights as rep_night_before,
        lag({'team': reps.team, 'region': reps.region, 'manager_id': reps.manager_id, 'is_active': reps.is_active}) over rep_nights as attributes_before
    from core.fact_rep_snapshot as reps
    join snapshot_nights using (snapshot_date)
    window rep_nights as (partition by reps.rep_id order by reps.snapshot_date)
),

-- A version starts on a rep's first night, when an attribute changes, and when the rep is back
-- after a night it was missing from.
numbered as (
    select *,
        sum(case
            when attributes_before is null
                or attributes_before is distinct from {'team': team, 'region': region, 'manager_id': manager_id, 'is_active': is_active}
                or rep_night_before is distinct from previous_night
            then 1 else 0 end) over (partition by rep_id order by snapshot_date) as version
    from nights
),

versions as (
    select
        rep_id,
        version,
        min(snapshot_date) as first_night,
        -- (a struct, because arg_max skips a NULL value: the newest night has no night after)
        arg_max({'night': next_night}, snapshot_date).night as night_after,
        arg_max(rep_name, snapshot_date) as rep_name,
        arg_max(email, snapshot_date) as email,
        any_value(manager_id) as manager_id,
        any_value(team) as team,
        any_value(region) as region,
        any_value(is_active) as is_active,
        bool_or(snapshot_date = (select as_of from params)) as is_current
    from numbered
    group by rep_id, version
),

first_activity as (
    select rep_id, min(created_at) as first_at from int_deals where not is_after_as_of group by rep_id
),

final as (
    select
        cast(row_number() over (order by versions.rep_id, versions.version) as integer) as rep_key,
        versions.rep_id,
        versions.rep_name,
        versions.email,
        versions.manager_id,
        versions.team,
        versions.region,
        versions.is_active,
        case
            when versions.version = 1 then least(coalesce(first_activity.first_at, cast(versions.first_night as timestamp)), cast(versions.first_night as timestamp))
            else cast(versions.first_night as timestamp)
        end as valid_from,
        cast(versions.night_after as timestamp) as valid_to,
        versions.is_current
    from versions
    left join first_activity using (rep_id)
)

select * from final

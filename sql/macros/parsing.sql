-- Parsing helpers shared by the staging models (INPUTS.md "Files").
-- custom_timestamp(t) is created by the loader from the config's timestampFormats before these run.

-- A source label as the stage and lead-type maps compare it: lower case, without whitespace,
-- hyphens, underscores, dots and slashes ("Id. Decision Makers" -> "iddecisionmakers").
create or replace temp macro label_key(t) as
    regexp_replace(lower(t), '[\s\-_./]', '', 'g');

-- A CRM's forecast category -> pipeline, best_case, commit, closed or omitted, compared as a label
-- key: Salesforce's names (Pipeline, Best Case, Commit, Closed, Omitted) and API values (BestCase,
-- Forecast = Commit), HubSpot's internal values (PIPELINE, BEST_CASE, COMMIT, CLOSED, OMIT) and
-- labels (Closed won, Not forecasted). NULL for empty text and for anything else.
create or replace temp macro forecast_category(t) as
    case label_key(t)
        when 'pipeline' then 'pipeline'
        when 'bestcase' then 'best_case'
        when 'commit' then 'commit'
        when 'forecast' then 'commit'
        when 'closed' then 'closed'
        when 'closedwon' then 'closed'
        when 'omitted' then 'omitted'
        when 'omit' then 'omitted'
        when 'notforecasted' then 'omitted'
    end;

-- An amount: optional sign and currency symbol ($ € £ ¥), digits with correct thousands grouping,
-- optional decimals; rounded half-up to cents. NULL when the text is anything else.
create or replace temp macro parse_amount(t) as
    case
        -- Plain digits, the common case, first: a regular expression this simple is cheap.
        when regexp_full_match(t, '[0-9]+(\.[0-9]+)?') then try_cast(t as decimal(18, 2))
        when regexp_full_match(trim(t), '([+-]?[$€£¥]?|[$€£¥][+-])(\d{1,3}(,\d{3})+|\d+)(\.\d+)?')
        then try_cast(regexp_replace(t, '[^0-9.+-]', '', 'g') as decimal(18, 2))
    end;

-- An ISO 8601 timestamp with or without time and offset, as UTC; a value without offset is UTC.
-- Then the user's own formats, if the config names any. NULL for anything else (2025-02-30 too).
-- Only text that starts like an ISO date (yyyy-) goes to the cast: DuckDB's cast would also read
-- 02/03/24 as the year 2 (y/m/d), where a report export means 3 February 2024.
-- (epoch_us and make_timestamp turn the TIMESTAMPTZ into a UTC TIMESTAMP without a time-zone look-up;
-- trim only when the plain cast fails, since most values need none.)
create or replace temp macro parse_timestamp(t) as
    coalesce(
        case when substr(t, 5, 1) = '-' or substr(ltrim(t), 5, 1) = '-' then
            make_timestamp(epoch_us(coalesce(try_cast(t as timestamptz), try_cast(trim(t) as timestamptz))))
        end,
        custom_timestamp(trim(t)));

-- A date: the UTC date of a timestamp as parse_timestamp reads it.
create or replace temp macro parse_date(t) as
    coalesce(case when length(t) = 10 and substr(t, 5, 1) = '-' then try_cast(t as date) end, cast(parse_timestamp(t) as date));

-- A yes/no flag: true/false, yes/no, y/n, 1/0, active/inactive; NULL for anything else.
create or replace temp macro parse_flag(t) as
    case
        when lower(trim(t)) in ('true', 't', 'yes', 'y', '1', 'active') then true
        when lower(trim(t)) in ('false', 'f', 'no', 'n', '0', 'inactive') then false
    end;

-- A text field as staging passes it on: trimmed, and NULL when empty.
create or replace temp macro clean(t) as
    nullif(trim(t), '');

-- A parsed date or timestamp outside the plausible range of run_params (earliest_timestamp inclusive,
-- latest_timestamp exclusive; config "earliestTimestamp" / "latestTimestamp"): true, else false (NULL too).
-- A placeholder such as 0001-01-01 would otherwise load and stretch core.dim_date over millennia.
create or replace temp macro is_implausible(t, earliest, latest) as
    coalesce(cast(t as timestamp) < earliest or cast(t as timestamp) >= latest, false);

-- Why is_implausible(t, ...) holds, as the end of a rejected row's reason (the loader puts the column
-- and the value in front of it).
create or replace temp macro implausible_reason(t, earliest, latest) as
    case
        when cast(t as timestamp) < earliest then 'is before ' || strftime(earliest, '%Y-%m-%d')
            || ', the earliest plausible date ("earliestTimestamp" in the config file). Fix the date in the CRM, or set an earlier "earliestTimestamp" if the date is real.'
        else 'is on or after ' || strftime(latest, '%Y-%m-%d')
            || ', the end of the plausible range ("latestTimestamp" in the config file, exclusive). Fix the date in the CRM, or set a later "latestTimestamp" if the date is real.'
    end;

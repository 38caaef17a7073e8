-- Parsing helpers shared by the staging models (INPUTS.md "Files").
-- custom_timestamp(t) is created by the loader from the config's timestampFormats before these run.

-- A source label as the stage and lead-type maps compare it: lower case, without whitespace,
-- hyphens, underscores, dots and slashes ("Id. Decision Makers" -> "iddecisionmakers").
create or replace temp macro label_key(t) as
    regexp_replace(lower(t), '[\s\-_./]', '', 'g');

-- An amount: optional sign and currency symbol ($ € £ ¥), digits with correct thousands grouping,
-- optional decimals; rounded half-up to cents. NULL when the text is anything else.
create or replace temp macro parse_amount(t) as
    case
        when regexp_full_match(trim(t), '[+-]?[$€£¥]?[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?')
            and length(regexp_replace(t, '[^+-]', '', 'g')) <= 1
        then try_cast(regexp_replace(t, '[^0-9.+-]', '', 'g') as decimal(18, 2))
    end;

-- An ISO 8601 timestamp with or without time and offset, as UTC; a value without offset is UTC.
-- Then the user's own formats, if the config names any. NULL for anything else (2025-02-30 too).
create or replace temp macro parse_timestamp(t) as
    coalesce(try_cast(try_cast(trim(t) as timestamptz) as timestamp), custom_timestamp(trim(t)));

-- A date: the UTC date of a timestamp as parse_timestamp reads it.
create or replace temp macro parse_date(t) as
    cast(parse_timestamp(t) as date);

-- A yes/no flag: true/false, yes/no, y/n, 1/0, active/inactive; NULL for anything else.
create or replace temp macro parse_flag(t) as
    case
        when lower(trim(t)) in ('true', 't', 'yes', 'y', '1', 'active') then true
        when lower(trim(t)) in ('false', 'f', 'no', 'n', '0', 'inactive') then false
    end;

-- A text field as staging passes it on: trimmed, and NULL when empty.
create or replace temp macro clean(t) as
    nullif(trim(t), '');

-- The warehouse's deals (marts.report_context: those created before its as-of instant): how many,
-- and the day the earliest was created, to tell a report asked for an earlier date that it has
-- nothing to show.
select deals, cast(earliest_deal_created_at as date) as earliest_created_on from marts.report_context

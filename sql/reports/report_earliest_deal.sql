-- The warehouse's deals (core.fact_deal: those created before its as-of instant): how many, and the
-- day the earliest was created, to tell a report asked for an earlier date that it has nothing to show.
select count(*) as deals, cast(min(created_at) as date) as earliest_created_on from core.fact_deal

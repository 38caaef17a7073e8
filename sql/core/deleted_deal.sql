/*
description: Deals deleted in the CRM: a deal that one night's export held and a later night's no
  longer does, as core.fact_pipeline_snapshot records it (its row with status deleted, on the date
  it disappeared), and that tonight's export does not hold again. It is in no other core table of
  tonight and no figure of tonight; the snapshots keep its earlier nights, and
  marts.pipeline_waterfall counts it as removed. Grain: deal.
columns:
  deal_id: The deal.
  deleted_on: The night it was first missing from the export (snapshot_date of its deleted row).
  rep_id: Its owner the night before.
  stage: Its stage the night before.
  amount: Its amount the night before, DECIMAL(18,2).
  expected_close_date: Its expected close date the night before.
*/
-- (a struct, because arg_max skips NULL values)
with last_deleted as (
    select deal_id, max(snapshot_date) as deleted_on,
        arg_max({'rep_id': rep_id, 'stage': stage, 'amount': amount, 'expected_close_date': expected_close_date}, snapshot_date) as night_before
    from core.fact_pipeline_snapshot
    where status = 'deleted'
        and deal_id not in (select deal_id from int_deals_checked where deal_id is not null)
    group by deal_id
)

select deal_id, deleted_on, night_before.rep_id, night_before.stage, night_before.amount, night_before.expected_close_date
from last_deleted

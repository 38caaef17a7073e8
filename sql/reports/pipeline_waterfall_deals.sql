-- The largest deals behind each movement of the current month and quarter's waterfall of one scope
-- ($scope_type, $scope), at most $limit per movement (marts.pipeline_waterfall_deals).
-- Grain: period_type, movement, deal.
select period_type, period_start, movement, movement_order, rank, deal_id, deal_name, rep_name, team, stage,
    amount, amount_at_start, amount_at_exit, close_date_at_start, close_date_at_exit, closed_at, is_deleted
from marts.pipeline_waterfall_deals
where period = 'current'
    and scope_type = $scope_type
    and scope = $scope
    and rank <= $limit
order by period_type desc, movement_order, rank

-- Every row of marts.data_contradictions is a contradiction of its kind, and its kind is known.
select *
from marts.data_contradictions
where case kind
    when 'closed_before_created' then not (contradicting_at < created_at) or deal_id is null
    when 'history_before_created' then not (contradicting_at < created_at) or history_rows < 1 or deal_id is null
    when 'unknown_manager' then manager_id is null or manager_id in (select rep_id from core.dim_rep)
    when 'unknown_forecast_category' then exported_value is null or deal_id not in (
        select deal_id from core.fact_deal where forecast_category is null and forecast_category_label = exported_value)
    else true
end

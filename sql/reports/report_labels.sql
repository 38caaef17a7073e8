-- Every label a report prints, from one place (marts.labels). Grain: kind, value.
select kind, value, label, sort_order from marts.labels order by kind, sort_order, value

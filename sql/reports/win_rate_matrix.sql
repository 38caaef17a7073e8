-- Win rate by region and product of the company and each team (marts.win_rate_matrix). Grain: scope, region, product.
select *, cast(null as varchar) as rep_id from marts.win_rate_matrix order by scope_type, team, region, product

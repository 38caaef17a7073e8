-- Win rate by region and product of the company (when $company) and of the teams in $teams
-- (marts.win_rate_matrix). Grain: scope, region, product.
select *, cast(null as varchar) as rep_id from marts.win_rate_matrix
where case scope_type when 'company' then $company else team in (select unnest($teams)) end
order by scope_type, team, region, product

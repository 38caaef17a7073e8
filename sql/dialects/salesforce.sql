-- Salesforce -> the canonical raw tables (README "Salesforce"). Runs after the loader has read
-- the exports into raw_sf_* (one VARCHAR row per record, rowid = the record's ordinal) and filled
-- sf_options. raw_deals, raw_stage_history and raw_reps keep the ordinals of the files they come
-- from (Opportunity, OpportunityHistory, User: one row per record, in file order), so every
-- message names the user's file, line and column. The deleted column marks a record deleted in
-- Salesforce ('self') or one whose opportunity is ('deal'): the checks exclude and count it.

-- The first row of a look-up's Id is the one used (the loader rejects a later, different one).
create or replace temp table sf_accounts as
select clean(id) as id, clean(name) as name, clean(billing_country) as billing_country,
       clean(number_of_employees) as number_of_employees
from raw_sf_account
where clean(id) is not null
qualify row_number() over (partition by clean(id) order by rowid) = 1;

create or replace temp table sf_opportunity_ids as
select clean(id) as id, parse_flag(is_deleted) is true as is_deleted
from raw_sf_opportunity
where clean(id) is not null
qualify row_number() over (partition by clean(id) order by rowid) = 1;

-- A deal's product: its largest line item's Product2 family, else that product's name.
create or replace temp table sf_deal_products as
with products as (
    select clean(id) as id, coalesce(clean(family), clean(name)) as product
    from raw_sf_product
    where clean(id) is not null
    qualify row_number() over (partition by clean(id) order by rowid) = 1
)
select clean(items.opportunity_id) as deal_id,
       arg_max(products.product, coalesce(parse_amount(items.total_price), 0) * 1e12 - items.rowid) as product
from raw_sf_line_item as items
join products on products.id = clean(items.product2_id)
where parse_flag(items.is_deleted) is not true and products.product is not null
group by all;

create or replace temp table raw_deals as
select
    opportunities.id as deal_id,
    opportunities.name as deal_name,
    case when options.has_owner then opportunities.owner_id else options.unassigned_rep end as rep_id,
    accounts.name as account_name,
    coalesce(regions.region, options.unknown_region) as region,
    coalesce(
        case when options.has_product_field then opportunities.product_field end,
        deal_products.product,
        options.unknown_product) as product,
    accounts.number_of_employees as company_size,
    opportunities.lead_source as lead_type,
    opportunities.amount,
    opportunities.currency,
    opportunities.created_date as created_at,
    opportunities.close_date as expected_close_date,
    opportunities.stage_name as stage,
    opportunities.loss_reason,
    -- The category's label, else its API value; the API value too when the org renamed the label
    -- (Upside for Best Case) and only the API value is one we know.
    case
        when forecast_category(opportunities.forecast_category_name) is null
            and forecast_category(opportunities.forecast_category) is not null then clean(opportunities.forecast_category)
        else coalesce(clean(opportunities.forecast_category_name), clean(opportunities.forecast_category))
    end as forecast_category,
    case when parse_flag(opportunities.is_deleted) then 'self' end as deleted
from raw_sf_opportunity as opportunities
cross join sf_options as options
left join sf_accounts as accounts on accounts.id = clean(opportunities.account_id)
left join cfg_country_region as regions on regions.label_key = label_key(accounts.billing_country)
left join sf_deal_products as deal_products on deal_products.deal_id = clean(opportunities.id)
order by opportunities.rowid;

-- Records the CSV reader could not take: their Id, so that history rows of such a deal say so.
create or replace temp table raw_deals_malformed as
select ordinal, id as deal_id
from raw_sf_opportunity_malformed;

create or replace temp table raw_stage_history as
select
    history.opportunity_id as deal_id,
    history.stage_name as stage,
    history.created_date as entered_at,
    cast(null as varchar) as rep_id,
    history.amount,
    history.close_date as expected_close_date,
    case
        when parse_flag(history.is_deleted) then 'self'
        when opportunities.is_deleted then 'deal'
    end as deleted
from raw_sf_opportunity_history as history
left join sf_opportunity_ids as opportunities on opportunities.id = clean(history.opportunity_id)
order by history.rowid;

-- Reps: the User export; without one, a rep per distinct OwnerId (named by the id); without an
-- OwnerId column, one "unassigned" rep that owns every deal.
create or replace temp table raw_reps as
select
    users.id as rep_id,
    users.name as rep_name,
    users.email,
    users.manager_id,
    coalesce(clean(case when options.team_from_role then roles.name else users.department end), options.unassigned_team) as team,
    coalesce(regions.region, options.unknown_region) as region,
    users.is_active as active,
    cast(null as varchar) as deleted,
    cast(null as varchar) as synthesized
from raw_sf_user as users
cross join sf_options as options
left join (
    select clean(id) as id, clean(name) as name from raw_sf_user_role
    where clean(id) is not null
    qualify row_number() over (partition by clean(id) order by rowid) = 1
) as roles on roles.id = clean(users.user_role_id)
left join cfg_country_region as regions on regions.label_key = label_key(users.country)
where options.has_users
order by users.rowid;

insert into raw_reps
select owner_id, owner_id, null, null, options.unassigned_team, options.unknown_region, 'true', null, 'true'
from (
    select clean(opportunities.owner_id) as owner_id, min(opportunities.rowid) as first_seen
    from raw_sf_opportunity as opportunities cross join sf_options as options
    where options.has_owner and not options.has_users and clean(opportunities.owner_id) is not null
    group by all
) as owners
cross join sf_options as options
order by first_seen;

insert into raw_reps
select options.unassigned_rep, 'Unassigned', null, null, options.unassigned_team, options.unknown_region, 'true', null, 'true'
from sf_options as options
where not options.has_owner;

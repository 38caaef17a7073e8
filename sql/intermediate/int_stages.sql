/*
description: The canonical pipeline stages (METRICS.md section 2), in order, with their canonical
  labels. The timeline is built on these; core.dim_stage adds the labels of this load's own
  pipeline and which stages its deals use. Grain: stage.
*/
select * from (values
    ('lead', 1, 'Lead', false, 'Lead identified and typed'),
    ('connect_call', 2, 'Connect call', false, '10-15 minute introductory call'),
    ('discovery_call', 3, 'Discovery call', false, '25-50 minute discovery call'),
    ('opportunity', 4, 'Opportunity', false, 'First dollar value ascribed'),
    ('demo', 5, 'Demo', false, 'Demo given (includes second demos)'),
    ('influencer_buy_in', 6, 'Influencer buy-in', false, 'Influencer sees the value'),
    ('decision_maker_buy_in', 7, 'Decision-maker buy-in', false, 'Economic decision maker agrees'),
    ('negotiation', 8, 'Negotiation', false, 'Price and terms being agreed'),
    ('closed_won', 9, 'Closed won', true, 'Terminal: the deal was won'),
    ('closed_lost', null, 'Closed lost', true, 'Terminal: the deal was lost; has no order')
) as stages(stage, stage_order, canonical_label, is_terminal, meaning)

/*
description: The canonical lead types, plus unknown for labels the lead-type map does not know.
  Grain: lead type.
columns:
  lead_type: Canonical lead type, e.g. warm_call.
  label: The lead type's name for people.
  description: Where such leads come from.
*/
select * from (values
    ('inbound', 'Inbound', 'The prospect came to us (website, content, demo request)'),
    ('mql', 'MQL', 'Marketing-qualified lead'),
    ('sql', 'SQL', 'Sales-qualified lead'),
    ('warm_call', 'Warm call', 'Outreach to a contact with an earlier touch'),
    ('target_account', 'Target account', 'Named account pursued outbound'),
    ('friends_family', 'Friends and family', 'Personal network introduction'),
    ('event', 'Event', 'Met at an event, conference or webinar'),
    ('referral', 'Referral', 'Referred by a customer or partner'),
    ('re_engaged', 'Re-engaged', 'A closed-lost or ghosted lead brought back'),
    ('unknown', 'Unknown', 'Missing, or a label the lead-type map does not know')
) as lead_types(lead_type, label, description)

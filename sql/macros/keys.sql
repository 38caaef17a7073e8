-- The key rule of INPUTS.md, shared by every keyed file's check: the first row of a key without a
-- problem of its own (the winner) loads; a later row identical in every field (same row hash) is a
-- duplicate; a later row with other values, or a row with a problem, is rejected.
create or replace temp macro key_outcome(reject_column, ordinal, winner_ordinal, row_hash, winner_hash) as
    case
        when reject_column is not null then 'rejected'
        when ordinal = winner_ordinal then 'loaded'
        when row_hash = winner_hash then 'duplicate'
        else 'rejected'
    end;

-- For a row rejected because its key's winner has other values: the winner's ordinal (its line goes in the reason).
create or replace temp macro key_conflict_with(reject_column, ordinal, winner_ordinal, row_hash, winner_hash) as
    case when reject_column is null and ordinal <> winner_ordinal and row_hash <> winner_hash then winner_ordinal end;

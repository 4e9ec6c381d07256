-- The ledger rules compare a record sent again with the stored one by their parsed content, taken from the
-- stored columns when needed; a hash of every record cost the ingest more than those rare comparisons.
ALTER TABLE claim DROP COLUMN content_hash;

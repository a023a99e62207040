-- 0004: a covering index over article SimHashes. The near-duplicate index
-- (simindex.go) loads every SimHash at the first import of a session; with
-- this index the load reads a few hundred kilobytes instead of every
-- article row and its body.
CREATE INDEX article_simhash ON article(simhash) WHERE simhash <> 0;

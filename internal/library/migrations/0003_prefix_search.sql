-- 0003: full-text indexes without Porter stemming. A stemmed index cannot
-- answer search-as-you-type: the prefix "electi" misses "election", which is
-- stored as "elect". Unstemmed words with prefix matching (see matchExpr)
-- keep results steady while the officer types. Triggers refer to the tables
-- by name and keep working.
DROP TABLE article_fts;
CREATE VIRTUAL TABLE article_fts USING fts5(
	title, body, content='article', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO article_fts(article_fts) VALUES ('rebuild');

DROP TABLE briefing_fts;
CREATE VIRTUAL TABLE briefing_fts USING fts5(
	title, notes, content='briefing', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
INSERT INTO briefing_fts(briefing_fts) VALUES ('rebuild');

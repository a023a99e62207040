-- 0001: articles, briefings, analysis, actors, tags and their full-text indexes.
-- Times are Unix nanoseconds (UTC); NULL means unknown.

CREATE TABLE article (
	id            INTEGER PRIMARY KEY,
	title         TEXT    NOT NULL DEFAULT '',
	standfirst    TEXT    NOT NULL DEFAULT '',
	byline        TEXT    NOT NULL DEFAULT '',
	dateline      TEXT    NOT NULL DEFAULT '',
	credit        TEXT    NOT NULL DEFAULT '',
	source        TEXT    NOT NULL DEFAULT '',
	published     INTEGER,
	language      TEXT    NOT NULL DEFAULT '',
	body          TEXT    NOT NULL DEFAULT '', -- paragraphs joined by blank lines (domain.Article.Body)
	text_hash     TEXT    NOT NULL UNIQUE,
	simhash       INTEGER NOT NULL DEFAULT 0,  -- uint64 bits stored as int64
	origin_name   TEXT    NOT NULL DEFAULT '',
	origin_format TEXT    NOT NULL DEFAULT '',
	origin_size   INTEGER NOT NULL DEFAULT 0,
	origin_sha256 TEXT    NOT NULL DEFAULT '',
	imported_at   INTEGER NOT NULL
);

-- Original bytes live apart so that scanning articles never pages through blobs.
CREATE TABLE original (
	article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
	bytes      BLOB    NOT NULL
);

-- SimHash split into four 16-bit bands: two hashes within Hamming distance 3
-- share at least one band exactly (pigeonhole), so near-duplicate lookup is
-- four index probes instead of a scan.
CREATE TABLE simband (
	band       INTEGER NOT NULL,
	value      INTEGER NOT NULL,
	article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
	PRIMARY KEY (band, value, article_id)
) WITHOUT ROWID;
CREATE INDEX simband_article ON simband(article_id);

CREATE TABLE briefing (
	id             INTEGER PRIMARY KEY,
	title          TEXT    NOT NULL DEFAULT '',
	notes          TEXT    NOT NULL DEFAULT '',
	classification TEXT    NOT NULL DEFAULT '',
	status         TEXT    NOT NULL DEFAULT 'draft',
	created        INTEGER NOT NULL,
	updated        INTEGER NOT NULL,
	len_sentences  INTEGER NOT NULL DEFAULT 0,
	len_words      INTEGER NOT NULL DEFAULT 0,
	len_ratio      REAL    NOT NULL DEFAULT 0,
	edits          TEXT    NOT NULL DEFAULT '{}', -- JSON domain.Edits
	deleted        INTEGER                       -- in the trash since; NULL when live
);
CREATE INDEX briefing_live_updated ON briefing(updated DESC, id DESC) WHERE deleted IS NULL;
CREATE INDEX briefing_deleted ON briefing(deleted) WHERE deleted IS NOT NULL;

CREATE TABLE briefing_article (
	briefing_id INTEGER NOT NULL REFERENCES briefing(id) ON DELETE CASCADE,
	pos         INTEGER NOT NULL,
	article_id  INTEGER NOT NULL REFERENCES article(id),
	PRIMARY KEY (briefing_id, pos)
) WITHOUT ROWID;
CREATE INDEX briefing_article_article ON briefing_article(article_id);

-- The stored analysis, so opening a briefing needs no NLP. Sentences are
-- compact JSON; their text is cut from the article body on load when the
-- offsets agree with it.
CREATE TABLE analysis (
	briefing_id INTEGER PRIMARY KEY REFERENCES briefing(id) ON DELETE CASCADE,
	summary     TEXT NOT NULL, -- JSON: chosen and scored sentences
	facts       TEXT NOT NULL  -- JSON: []domain.Fact
);

CREATE TABLE actor (
	id          INTEGER PRIMARY KEY,
	briefing_id INTEGER NOT NULL REFERENCES briefing(id) ON DELETE CASCADE,
	pos         INTEGER NOT NULL, -- salience order within the briefing
	name        TEXT    NOT NULL,
	type        TEXT    NOT NULL DEFAULT '',
	role        TEXT    NOT NULL DEFAULT '',
	aliases     TEXT    NOT NULL DEFAULT '', -- newline-separated
	mentions    INTEGER NOT NULL DEFAULT 0,
	salience    REAL    NOT NULL DEFAULT 0,
	level       TEXT    NOT NULL DEFAULT '',
	sentences   TEXT    NOT NULL DEFAULT '[]', -- JSON [][2]int (article, index)
	did         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX actor_briefing ON actor(briefing_id, pos);
CREATE INDEX actor_name ON actor(name COLLATE NOCASE);

CREATE TABLE quote (
	actor_id INTEGER NOT NULL REFERENCES actor(id) ON DELETE CASCADE,
	pos      INTEGER NOT NULL,
	text     TEXT    NOT NULL,
	direct   INTEGER NOT NULL DEFAULT 0,
	art      INTEGER NOT NULL DEFAULT 0,
	sentence INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (actor_id, pos)
) WITHOUT ROWID;

CREATE TABLE tag (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE briefing_tag (
	briefing_id INTEGER NOT NULL REFERENCES briefing(id) ON DELETE CASCADE,
	tag_id      INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
	PRIMARY KEY (briefing_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX briefing_tag_tag ON briefing_tag(tag_id);

-- Full-text indexes over external content, kept in sync by triggers.
-- Porter stemming lets "sanction" find "sanctions"; prefix indexes keep
-- search-as-you-type fast.
CREATE VIRTUAL TABLE article_fts USING fts5(
	title, body, content='article', content_rowid='id',
	tokenize='porter unicode61 remove_diacritics 2', prefix='2 3'
);
CREATE TRIGGER article_ai AFTER INSERT ON article BEGIN
	INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER article_ad AFTER DELETE ON article BEGIN
	INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER article_au AFTER UPDATE OF title, body ON article BEGIN
	INSERT INTO article_fts(article_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
	INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE VIRTUAL TABLE briefing_fts USING fts5(
	title, notes, content='briefing', content_rowid='id',
	tokenize='porter unicode61 remove_diacritics 2', prefix='2 3'
);
CREATE TRIGGER briefing_ai AFTER INSERT ON briefing BEGIN
	INSERT INTO briefing_fts(rowid, title, notes) VALUES (new.id, new.title, new.notes);
END;
CREATE TRIGGER briefing_ad AFTER DELETE ON briefing BEGIN
	INSERT INTO briefing_fts(briefing_fts, rowid, title, notes) VALUES ('delete', old.id, old.title, old.notes);
END;
CREATE TRIGGER briefing_au AFTER UPDATE OF title, notes ON briefing BEGIN
	INSERT INTO briefing_fts(briefing_fts, rowid, title, notes) VALUES ('delete', old.id, old.title, old.notes);
	INSERT INTO briefing_fts(rowid, title, notes) VALUES (new.id, new.title, new.notes);
END;

CREATE VIRTUAL TABLE actor_fts USING fts5(
	name, aliases, content='actor', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
CREATE TRIGGER actor_ai AFTER INSERT ON actor BEGIN
	INSERT INTO actor_fts(rowid, name, aliases) VALUES (new.id, new.name, new.aliases);
END;
CREATE TRIGGER actor_ad AFTER DELETE ON actor BEGIN
	INSERT INTO actor_fts(actor_fts, rowid, name, aliases) VALUES ('delete', old.id, old.name, old.aliases);
END;
CREATE TRIGGER actor_au AFTER UPDATE OF name, aliases ON actor BEGIN
	INSERT INTO actor_fts(actor_fts, rowid, name, aliases) VALUES ('delete', old.id, old.name, old.aliases);
	INSERT INTO actor_fts(rowid, name, aliases) VALUES (new.id, new.name, new.aliases);
END;

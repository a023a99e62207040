-- 0005: articles live in the library on their own; briefings refer to them.
--
-- briefing.version counts stored changes: a save carrying an older version
-- is refused as a conflict, so a stale copy cannot overwrite an import.
-- briefing.dated is the date the list sorts and filters on: the newest
-- publication date of its articles (dated_by 'published'), else the time
-- it was imported ('imported'). Edits and opening leave it alone.
-- article.deleted puts one article in the trash; deleted_from records the
-- briefings it was taken out of (JSON [[briefing, position], ...]) so that
-- restoring it puts it back. article.incomplete says why a source looks
-- cut off.
ALTER TABLE briefing ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE briefing ADD COLUMN dated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE briefing ADD COLUMN dated_by TEXT NOT NULL DEFAULT 'imported';
ALTER TABLE article ADD COLUMN deleted INTEGER;
ALTER TABLE article ADD COLUMN deleted_from TEXT NOT NULL DEFAULT '[]';
ALTER TABLE article ADD COLUMN incomplete TEXT NOT NULL DEFAULT '';

-- A publication date more than a day after the article's import is a
-- misread date, not news from the future: it does not count.
UPDATE briefing SET
	dated = coalesce((SELECT max(a.published) FROM briefing_article ba JOIN article a ON a.id = ba.article_id
		WHERE ba.briefing_id = briefing.id AND a.published IS NOT NULL AND a.published <= a.imported_at + 86400000000000), created),
	dated_by = CASE WHEN EXISTS (SELECT 1 FROM briefing_article ba JOIN article a ON a.id = ba.article_id
		WHERE ba.briefing_id = briefing.id AND a.published IS NOT NULL AND a.published <= a.imported_at + 86400000000000)
		THEN 'published' ELSE 'imported' END;

DROP INDEX briefing_live_updated;
CREATE INDEX briefing_live_dated ON briefing(dated DESC, id DESC) WHERE deleted IS NULL;
CREATE INDEX article_deleted ON article(deleted) WHERE deleted IS NOT NULL;

-- 0002: the source filter's list of publications reads an index, not 100,000 article rows.
CREATE INDEX article_source ON article(source COLLATE NOCASE) WHERE source <> '';

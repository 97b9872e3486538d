-- Poster ids one by one from the table's own default, as Laravel's auto-increment gives them. V1 left ids to
-- Hibernate's pooled sequence (50 per block): every start of api-service skipped to the next block of 50, and a row
-- inserted without an id (the Laravel app's Poster::create, a seeder, psql) failed for want of a default.
ALTER SEQUENCE posters_seq INCREMENT BY 1 OWNED BY posters.id;
SELECT setval('posters_seq', COALESCE((SELECT MAX(id) FROM posters), 0) + 1, false);
ALTER TABLE posters ALTER COLUMN id SET DEFAULT nextval('posters_seq');

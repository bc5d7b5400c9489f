-- Trigram matching backs typo-tolerant organisation search (register-data issue). PGlite loads the
-- extension from @electric-sql/pglite/contrib/pg_trgm; PostgreSQL ships it in postgresql-contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

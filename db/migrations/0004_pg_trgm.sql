-- Trigram matching for customer names and emails (works on PGlite when the client loads the extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

/** Names and URLs shared by tests/global-setup.ts and tests/helpers/db.ts. */
export const TEMPLATE_PREFIX = 'tp_tmpl_';
export const TEST_DB_PREFIX = 'tp_t_';

/** The same server and credentials as `url`, another database. */
export function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/**
 * Where to run `create/drop database`: the database named by TEST_DATABASE_URL itself (it exists, and
 * CI creates it), never one of the per-test databases.
 */
export function adminUrl(url: string): string {
  return url;
}

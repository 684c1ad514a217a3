/**
 * The app's database handles, for pages and route handlers: they reach the database only through server/,
 * and pass the handle to server/queries (reads) and server/services (writes).
 */
export { getDb, getDbHandle, getReportingDb, type Db } from '@/db/client';
export { asUnavailable, isDatabaseUnavailable } from '@/db/unavailable';

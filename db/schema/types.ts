import { customType } from 'drizzle-orm/pg-core';

/** Postgres `tsvector`, for generated search columns (read as its text form, never written by the app). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

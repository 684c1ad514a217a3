import { notFound } from 'next/navigation';
import type { StaffActor } from '@/lib/domain/permissions';
import { ServiceError } from '@/lib/errors';
import { getReportingDb, type Db } from '@/server/db';
import { requireStaffPage } from '@/server/auth/session';
import { parseBoardParams, resolveBoardScope, type BoardScope } from './scope';
import { getSettings } from '@/server/services/settings';

export type BoardContext = { staff: StaffActor; db: Db } & ({ scope: BoardScope; error?: undefined } | { scope?: undefined; error: string });

/**
 * Every board page starts here: the session and permission (customers and anonymous visitors never get in),
 * the URL's filters, and the viewer's scope. A bad parameter becomes a message on the page; another agent's
 * figures are a 404 for an agent.
 */
export async function boardContext(searchParams: Promise<Record<string, string | string[] | undefined>>, path: string): Promise<BoardContext> {
  const staff = await requireStaffPage('boards:read-own', path);
  const db = await getReportingDb();
  try {
    const params = parseBoardParams(await searchParams);
    const { timeZone } = await getSettings(db);
    return { staff, db, scope: await resolveBoardScope(db, staff, params, { now: new Date(), timeZone }) };
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'not_found') notFound();
    if (error instanceof ServiceError) return { staff, db, error: error.message };
    throw error;
  }
}

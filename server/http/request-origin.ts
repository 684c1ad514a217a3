import { headers } from 'next/headers';
import type { AuditOrigin } from '../audit/record';
import { clientIp } from './client-ip';

/** The client IP (as rate limits see it) and user agent of the request behind a server action or page. */
export async function requestOrigin(): Promise<AuditOrigin> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get('user-agent') };
}

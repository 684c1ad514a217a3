import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from '../attachments/limits';

/**
 * How large a request body may be, per route and per server action. proxy.ts enforces it for every request
 * (server/http/body-limit.ts): next.config's serverActions.bodySizeLimit is one number for every action, so
 * it is set for the largest (uploads), and this table narrows everything else back to 1 MB.
 */
const MB = 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 1 * MB;
/** A 1,000-ticket import is a few MB (lib/validation/import.ts reads its limit from here). */
export const IMPORT_BODY_LIMIT = 20 * MB;
/** Five 10 MB files plus the form's fields and multipart framing. */
export const UPLOAD_BODY_LIMIT = MAX_ATTACHMENTS_PER_MESSAGE * MAX_ATTACHMENT_BYTES + 5 * MB;

/** Routes that take files or imports, with their own limits. */
const LARGE_ROUTES: { path: RegExp; limit: number; what: string }[] = [
  { path: /^\/api\/v1\/tickets\/[^/]+\/messages$/, limit: UPLOAD_BODY_LIMIT, what: 'message with attachments' },
  { path: /^\/api\/v1\/import\/tickets$/, limit: IMPORT_BODY_LIMIT, what: 'import' },
];

/** The server actions that take attachments, as `file#export` (the ids Next gives them are read from its manifest). */
export const UPLOAD_ACTIONS = [
  'server/actions/tickets.ts#agentMessageAction',
  'server/actions/portal.ts#submitRequestAction',
  'server/actions/portal.ts#portalReplyAction',
  'server/actions/portal.ts#guestReplyAction',
] as const;

export interface BodyLimit {
  bytes: number;
  /** For the message: what kind of request this was. */
  what: string;
}

export function bodyLimitFor(pathname: string, action: { id: string; takesUploads: boolean } | null): BodyLimit {
  if (action) return action.takesUploads ? { bytes: UPLOAD_BODY_LIMIT, what: 'message with attachments' } : { bytes: DEFAULT_BODY_LIMIT, what: 'form' };
  const route = LARGE_ROUTES.find((r) => r.path.test(pathname));
  return route ? { bytes: route.limit, what: route.what } : { bytes: DEFAULT_BODY_LIMIT, what: 'request' };
}

/** Server action callers see this message (useFormAction recognises the prefix). */
export const TOO_LARGE_PREFIX = 'Too large to send:';

export function tooLargeMessage(limit: BodyLimit): string {
  const mb = Math.round(limit.bytes / MB);
  if (limit.what === 'message with attachments') {
    return `${TOO_LARGE_PREFIX} this message and its files are over ${mb} MB. Attach at most ${MAX_ATTACHMENTS_PER_MESSAGE} files of ${MAX_ATTACHMENT_BYTES / MB} MB each.`;
  }
  if (limit.what === 'import') return `${TOO_LARGE_PREFIX} the request body is over ${mb} MB; send fewer tickets per request.`;
  return `${TOO_LARGE_PREFIX} the ${limit.what} is over ${mb} MB. Shorten what you typed or pasted, and try again.`;
}

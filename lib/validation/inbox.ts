import { z } from 'zod';
import { CHANNELS, PRIORITIES, TICKET_STATUSES } from '@/lib/domain/ticket-values';
import { checkboxOf, idOf, isIdText, isStorableInstant, lineText, sequenceOf, taxonomyKeyOf, wholeNumberOf } from './common';

export const BUILT_IN_VIEWS = ['all_open', 'my_open', 'unassigned', 'pending', 'recently_solved', 'at_risk', 'all'] as const;
export type BuiltInView = (typeof BUILT_IN_VIEWS)[number];
export const VIEW_LABELS: Record<BuiltInView, string> = {
  all_open: 'All open',
  my_open: 'My open',
  unassigned: 'Unassigned',
  pending: 'Pending and on hold',
  recently_solved: 'Recently solved',
  at_risk: 'At risk',
  all: 'All tickets',
};
export const SORTS = ['last_activity', 'created', 'priority', 'sla_due'] as const;
export type InboxSort = (typeof SORTS)[number];
export const SLA_FILTERS = ['met', 'breached', 'running', 'at_risk'] as const;

/** A comma-separated list of allowed values ("open,pending"); empty means no filter. */
const csvOf = <T extends readonly [string, ...string[]]>(values: T, name: string) =>
  lineText()
    .max(1_000, `${name} lists too many values`)
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { message: `${name} must be among ${values.join(', ')}` })))
    .optional();

/** A date (2026-01-31, a whole UTC day) or an ISO instant. As an upper bound a bare date includes its day. */
const date = (name: string, bound: 'from' | 'to') =>
  lineText()
    .refine((v) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(v) && isStorableInstant(Date.parse(v)), {
      message: `${name} must be a date (2026-01-31) or an ISO instant`,
    })
    .transform((v) => new Date(Date.parse(v) + (bound === 'to' && v.length === 10 ? 86_400_000 : 0)))
    .optional();

const key = taxonomyKeyOf('Use a taxonomy key, like purchase').optional();
const bool = (name: string) => z.enum(['true', 'false'], { message: `${name} must be true or false` }).optional();

/**
 * Inbox and list-API parameters: a view, any filter, search, sort and a keyset cursor. The same schema
 * reads the inbox URL, so a filtered inbox can be shared by link.
 */
export const inboxQuerySchema = z.object({
  view: lineText()
    .regex(/^(all_open|my_open|unassigned|pending|recently_solved|at_risk|all|team:\d+|saved:\d+)$/, {
      message: `view must be one of ${BUILT_IN_VIEWS.join(', ')}, team:<id> or saved:<id>`,
    })
    .refine((v) => !v.includes(':') || isIdText(v.slice(v.indexOf(':') + 1)), { message: 'view names a team or saved view id that cannot exist' })
    .optional(),
  status: csvOf(TICKET_STATUSES, 'status'),
  priority: csvOf(PRIORITIES, 'priority'),
  channel: csvOf(CHANNELS, 'channel'),
  assignee: lineText().refine((v) => v === 'me' || v === 'none' || isIdText(v), 'assignee must be me, none or a staff id').optional(),
  team: lineText().refine((v) => v === 'none' || isIdText(v), 'team must be none or a team id').optional(),
  journey_stage: key,
  touchpoint: key,
  tag: key,
  customer: idOf('customer must be a customer id').optional(),
  created_from: date('created_from', 'from'),
  created_to: date('created_to', 'to'),
  first_response_from: date('first_response_from', 'from'),
  first_response_to: date('first_response_to', 'to'),
  first_solved_from: date('first_solved_from', 'from'),
  first_solved_to: date('first_solved_to', 'to'),
  rated_from: date('rated_from', 'from'),
  rated_to: date('rated_to', 'to'),
  // `known` (true or false) is the FCR rate's denominator, so a board's figure can drill down to it.
  fcr: z.enum(['true', 'false', 'null', 'known'], { message: 'fcr must be true, false, null or known' }).optional(),
  reopened: bool('reopened'),
  // merged=false leaves out merged tickets, as every metric does (METRICS.md), for drill-downs from boards.
  merged: bool('merged'),
  sla: z.enum(SLA_FILTERS, { message: `sla must be one of ${SLA_FILTERS.join(', ')}` }).optional(),
  q: lineText().trim().max(200, 'Keep the search under 200 characters').optional(),
  sort: z.enum(SORTS, { message: `sort must be one of ${SORTS.join(', ')}` }).optional(),
  cursor: lineText().max(500, 'cursor is not one this list handed out').optional(),
  limit: wholeNumberOf(1, 100, 'limit must be a whole number from 1 to 100').default(50),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;
/**
 * The inbox poll's own parameters (GET /api/v1/tickets/changes); the rest of its query is the inbox's filters.
 * `since` is a change sequence, a bigint counter.
 */
export const inboxPollSchema = z.object({
  since: sequenceOf('since must be a change sequence number'),
  ids: lineText()
    .max(100 * 12, 'At most 100 ids')
    .default('')
    .transform((v): (string | number)[] => v.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(idOf('ids must be ticket ids, separated by commas')).max(100, 'At most 100 ids')),
  created_after: lineText('created_after is required, as an ISO instant')
    .pipe(z.iso.datetime({ offset: true, message: 'created_after must be an ISO instant' }))
    .refine((v) => isStorableInstant(Date.parse(v)), 'created_after must be an ISO instant between the years 1 and 9999')
    .transform((v) => new Date(v)),
});

/** The filter part, without paging: what a saved view stores. */
export type InboxFilters = Omit<InboxQuery, 'cursor' | 'limit'>;

const UNREADABLE_FILTERS = 'The filters could not be read. Reload the inbox and try again.';
const NOT_SAVED = new Set(['cursor', 'limit']);

/**
 * The inbox URL's parameters (JSON) as a saved view stores them: the known filters only, as strings, checked
 * like the inbox URL itself. An issue is reported on `params.<filter>`. A saved view's own URL saves nothing
 * of it (that would copy the view, not the screen).
 */
function savedFilters(json: string, ctx: z.RefinementCtx): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    ctx.addIssue({ code: 'custom', message: UNREADABLE_FILTERS });
    return {};
  }
  const raw = parsed as Record<string, unknown>;
  if (typeof raw.view === 'string' && raw.view.startsWith('saved:')) return {};
  // Known filters only (anything else would be stored as it came); empty ones are simply not set.
  const given = Object.entries(raw).filter(([k, v]) => k in inboxQuerySchema.shape && !NOT_SAVED.has(k) && v !== '' && v !== null && v !== undefined);
  const checked = inboxQuerySchema.safeParse(Object.fromEntries(given));
  const filters = Object.fromEntries(given.filter((e): e is [string, string] => typeof e[1] === 'string'));
  for (const issue of checked.error?.issues ?? []) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return filters;
}

/** Deleting one of the caller's saved views. */
export const deleteViewSchema = z.object({ id: idOf('Choose a saved view from the list') });

/** Saving the current filters as a named view. */
export const saveViewSchema = z.object({
  name: lineText('Name the view').trim().min(1, 'Name the view').max(60, 'Keep the name under 60 characters'),
  shared: checkboxOf('Tick the box to share the view, or leave it empty'),
  params: lineText(UNREADABLE_FILTERS).max(10_000, UNREADABLE_FILTERS).transform(savedFilters),
});

import { z } from 'zod';
import { CHANNELS, PRIORITIES, TICKET_STATUSES } from '@/lib/domain/ticket-values';

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
  z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { message: `${name} must be among ${values.join(', ')}` })))
    .optional();

/** A date (2026-01-31, a whole UTC day) or an ISO instant. As an upper bound a bare date includes its day. */
const date = (name: string, bound: 'from' | 'to') =>
  z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(v) && !Number.isNaN(Date.parse(v)), {
      message: `${name} must be a date (2026-01-31) or an ISO instant`,
    })
    .transform((v) => new Date(Date.parse(v) + (bound === 'to' && v.length === 10 ? 86_400_000 : 0)))
    .optional();

const key = z.string().trim().min(1).max(64).regex(/^[a-z0-9_]+$/, 'Use a taxonomy key, like purchase').optional();
const bool = (name: string) => z.enum(['true', 'false'], { message: `${name} must be true or false` }).optional();

/**
 * Inbox and list-API parameters: a view, any filter, search, sort and a keyset cursor. The same schema
 * reads the inbox URL, so a filtered inbox can be shared by link.
 */
export const inboxQuerySchema = z.object({
  view: z
    .string()
    .regex(/^(all_open|my_open|unassigned|pending|recently_solved|at_risk|all|team:\d+|saved:\d+)$/, {
      message: `view must be one of ${BUILT_IN_VIEWS.join(', ')}, team:<id> or saved:<id>`,
    })
    .optional(),
  status: csvOf(TICKET_STATUSES, 'status'),
  priority: csvOf(PRIORITIES, 'priority'),
  channel: csvOf(CHANNELS, 'channel'),
  assignee: z.string().regex(/^(me|none|\d+)$/, 'assignee must be me, none or a staff id').optional(),
  team: z.string().regex(/^(none|\d+)$/, 'team must be none or a team id').optional(),
  journey_stage: key,
  touchpoint: key,
  tag: key,
  customer: z.coerce.number({ message: 'customer must be a customer id' }).int().positive('customer must be a customer id').optional(),
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
  q: z.string().trim().max(200, 'Keep the search under 200 characters').optional(),
  sort: z.enum(SORTS, { message: `sort must be one of ${SORTS.join(', ')}` }).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number({ message: 'limit must be a number from 1 to 100' }).int('limit must be a whole number').min(1, 'limit must be 1–100').max(100, 'limit must be 1–100').default(50),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;
/** The filter part, without paging: what a saved view stores. */
export type InboxFilters = Omit<InboxQuery, 'cursor' | 'limit'>;

/** Saving the current filters as a named view. */
export const saveViewSchema = z.object({
  name: z.string().trim().min(1, 'Name the view').max(60, 'Keep the name under 60 characters'),
  shared: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
  params: z
    .string()
    .transform((v, ctx) => {
      try {
        return JSON.parse(v) as Record<string, string>;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The filters could not be read. Reload the inbox and try again.' });
        return z.NEVER;
      }
    }),
});

import { z } from 'zod';
import { DEFAULT_SLA_POLICY } from '@/lib/domain/sla';
import type { Priority } from '@/lib/domain/ticket-values';
import { lineText } from './text';

const time = lineText().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour HH:MM');
const interval = z.object({ day: z.number().int().min(0).max(6), start: time, end: time });

export const businessCalendarSchema = z.object({
  timeZone: lineText().min(1).max(100),
  /** Weekly open intervals; day 0 is Sunday, as in Date#getDay. */
  hours: z.array(interval),
  holidays: z.array(lineText().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')),
});
export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;

const slaTarget = z.object({ minutes: z.number().int().min(1).max(525_600), mode: z.enum(['calendar', 'business']) });
const slaPair = (priority: Priority) =>
  z.object({ firstResponse: slaTarget, resolution: slaTarget }).default(DEFAULT_SLA_POLICY[priority]);

/** SLA targets per priority; unset priorities keep the METRICS.md defaults. */
export const slaPolicySchema = z.object({
  urgent: slaPair('urgent'),
  high: slaPair('high'),
  normal: slaPair('normal'),
  low: slaPair('low'),
});

const limit = z.object({ limit: z.number().int().min(1), windowSeconds: z.number().int().min(1) });

export const workspaceSettingsSchema = z.object({
  timeZone: lineText().min(1).max(100).default('UTC'),
  recontactWindowDays: z.number().int().min(0).max(365).default(7),
  autoCloseDays: z.number().int().min(1).max(365).default(4),
  businessCalendar: businessCalendarSchema.default({
    timeZone: 'UTC',
    hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
    holidays: [],
  }),
  /** Optional per-team calendars, keyed by team id; a ticket uses its current team's, else the workspace's. */
  teamCalendars: z.record(lineText(), businessCalendarSchema).default({}),
  slaPolicy: slaPolicySchema.prefault({}),
  rateLimits: z
    .object({
      signInPerEmail: limit.default({ limit: 5, windowSeconds: 900 }),
      signInPerIp: limit.default({ limit: 30, windowSeconds: 900 }),
      signUpPerIp: limit.default({ limit: 10, windowSeconds: 3600 }),
      signUpPerEmail: limit.default({ limit: 3, windowSeconds: 3600 }),
      resetPerIp: limit.default({ limit: 10, windowSeconds: 3600 }),
      resetPerEmail: limit.default({ limit: 3, windowSeconds: 3600 }),
      /** Submissions per signed-in customer, or per email for guests. */
      submitPerCustomer: limit.default({ limit: 5, windowSeconds: 60 }),
      submitPerIp: limit.default({ limit: 20, windowSeconds: 60 }),
    })
    .prefault({}),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;
export const DEFAULT_SETTINGS: WorkspaceSettings = workspaceSettingsSchema.parse({});

import { z } from 'zod';
import { CHANNELS, PRIORITIES } from '@/lib/domain/ticket-values';
import { isStorableInstant, lineText, taxonomyKeyOf } from './common';

/** `journey`: one group per (journey stage, touchpoint) pair, keyed "stage|touchpoint" (the heatmap's cells). */
export const GROUP_BY = ['agent', 'team', 'journey_stage', 'touchpoint', 'channel', 'priority', 'journey'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const MAX_SPAN_DAYS = 366;

const instant = (name: string) =>
  lineText(`${name} is required, as an ISO instant like 2026-01-31T00:00:00Z`)
    .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && isStorableInstant(Date.parse(v)), {
      message: `${name} must be an ISO instant with a time zone, like 2026-01-31T00:00:00Z`,
    })
    .transform((v) => new Date(v));

const taxonomyKey = (message: string) => taxonomyKeyOf(message).optional();

/** GET /api/v1/metrics parameters (and the boards, which read the same layer). */
export const metricsQuerySchema = z
  .object({
    from: instant('from'),
    to: instant('to'),
    group_by: z.enum(GROUP_BY, { message: `group_by must be one of ${GROUP_BY.join(', ')}` }).optional(),
    interval: z.enum(['day', 'week'], { message: 'interval must be day or week' }).optional(),
    team: lineText().trim().min(1, 'team must be a team name').max(200, 'team must be a team name').optional(),
    agent: lineText().trim().toLowerCase().max(254, 'agent must be a staff email').pipe(z.email('agent must be a staff email')).optional(),
    journey_stage: taxonomyKey('journey_stage must be a journey stage key, like purchase'),
    touchpoint: taxonomyKey('touchpoint must be a touchpoint key, like website'),
    channel: z.enum(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` }).optional(),
    priority: z.enum(PRIORITIES, { message: `priority must be one of ${PRIORITIES.join(', ')}` }).optional(),
  })
  .superRefine((q, ctx) => {
    // Zod runs this even when a field failed above; only compare two real instants.
    if (!(q.from instanceof Date) || !(q.to instanceof Date)) return;
    if (q.from.getTime() >= q.to.getTime()) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' });
    else if (q.to.getTime() - q.from.getTime() > MAX_SPAN_DAYS * 86_400_000) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `from and to may be at most ${MAX_SPAN_DAYS} days apart` });
    }
  });
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

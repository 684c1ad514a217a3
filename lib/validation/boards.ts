import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import { z } from 'zod';
import { CHANNELS, PRIORITIES } from '@/lib/domain/ticket-values';
import { idOf, isStorableInstant, lineText } from './common';
import { MAX_SPAN_DAYS } from './metrics';

export const RANGE_PRESETS = ['7', '30', '90'] as const;
export const HEATMAP_COLOURS = ['fcr', 'frt', 'csat'] as const;
/** Every board's breakdowns (the response board shows one at a time, picked by `by`). */
export const BOARD_BREAKDOWNS = ['team', 'agent', 'journey_stage', 'touchpoint', 'channel'] as const;
export type HeatmapColour = (typeof HEATMAP_COLOURS)[number];

/** A calendar date, checked by a round trip so 2026-02-30 is refused rather than rolled over. */
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isStorableInstant(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const localDate = (name: string) => lineText().refine(isDate, `${name} must be a date like 2026-01-31`).optional();

const id = (name: string) => idOf(`${name} must be an id from the list`).optional();

/**
 * Every board's URL: a preset (7/30/90 days, ending now) or a custom from/to of local dates (both days
 * included), filters, granularity and each board's own toggle. Shared by the pages and the CSV export.
 */
export const boardParamsSchema = z
  .object({
    range: z.enum([...RANGE_PRESETS, 'custom'], { message: 'range must be 7, 30 or 90 (days), or custom with from and to' }).optional(),
    from: localDate('from'),
    to: localDate('to'),
    team: id('team'),
    agent: id('agent'),
    channel: z.enum(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` }).optional(),
    priority: z.enum(PRIORITIES, { message: `priority must be one of ${PRIORITIES.join(', ')}` }).optional(),
    interval: z.enum(['day', 'week'], { message: 'interval must be day or week' }).optional(),
    clock: z.enum(['calendar', 'business'], { message: 'clock must be calendar or business' }).default('calendar'),
    colour: z.enum(HEATMAP_COLOURS, { message: `colour must be one of ${HEATMAP_COLOURS.join(', ')}` }).default('fcr'),
    by: z.enum(BOARD_BREAKDOWNS, { message: `by must be one of ${BOARD_BREAKDOWNS.join(', ')}` }).optional(),
  })
  .superRefine((p, ctx) => {
    if (!isCustom(p)) return; // a preset ignores the dates the form also sends
    if ((p.from === undefined) !== (p.to === undefined) || p.from === undefined) {
      ctx.addIssue({ code: 'custom', path: [p.from ? 'to' : 'from'], message: 'A custom range needs both from and to' });
    } else if (p.from && p.to && isDate(p.from) && isDate(p.to)) {
      // Zod runs this even when a date failed above: compare only two real dates.
      const span = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 + 1;
      if (span < 1) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be on or before to' });
      else if (span > MAX_SPAN_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `A range may span at most ${MAX_SPAN_DAYS} days` });
    }
  });
export type BoardParams = z.infer<typeof boardParamsSchema>;

/** A custom range: asked for by name, or implied by dates without a preset. */
function isCustom(p: { range?: string; from?: string; to?: string }): boolean {
  return p.range === 'custom' || (p.range === undefined && (p.from !== undefined || p.to !== undefined));
}

export interface BoardRange {
  custom: boolean;
  from: Date;
  to: Date;
  interval: 'day' | 'week';
  /** The local dates shown in the filter form (to is the last day included). */
  fromDate: string;
  toDate: string;
}

const ymd = (d: TZDate) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The instants behind the params, in the workspace time zone. A preset of N days starts at local midnight
 * N − 1 days ago and ends now, so whole days come from the rollup; a custom range runs from the first
 * day's midnight to the midnight after the last day. Weekly buckets by default past 31 days.
 */
export function boardRange(p: BoardParams, now: Date, timeZone: string): BoardRange {
  let from: TZDate;
  let to: Date;
  if (isCustom(p) && p.from && p.to) {
    const [fy, fm, fd] = p.from.split('-').map(Number);
    const [ty, tm, td] = p.to.split('-').map(Number);
    from = new TZDate(fy, fm - 1, fd, timeZone);
    to = addDays(new TZDate(ty, tm - 1, td, timeZone), 1);
  } else {
    const days = Number(p.range ?? '30');
    from = addDays(startOfDay(new TZDate(now.getTime(), timeZone)), 1 - days);
    to = now;
  }
  const spanDays = (to.getTime() - from.getTime()) / 86_400_000;
  const last = new TZDate(to.getTime() - 1, timeZone);
  return { custom: isCustom(p), from: new Date(from.getTime()), to: new Date(to.getTime()), interval: p.interval ?? (spanDays > 31 ? 'week' : 'day'), fromDate: ymd(from), toDate: ymd(last) };
}

/** The params as a URL query, without defaults, so links stay short and shareable. */
export function boardQueryString(p: Partial<Record<keyof BoardParams, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined || v === '') continue;
    if ((k === 'clock' && v === 'calendar') || (k === 'colour' && v === 'fcr')) continue;
    search.set(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

import { rate, roundFigure } from '@/lib/domain/aggregates';
import type { FigureName } from './figures-sql';

/** The figures of one period or group, as the API and boards show them (METRICS.md, "Aggregates"). */
export interface Metrics {
  created: number;
  solved: number;
  solved_without_reply: number;
  first_response: {
    count: number;
    median_seconds: number | null;
    p90_seconds: number | null;
    median_business_seconds: number | null;
    p90_business_seconds: number | null;
  };
  first_resolution: { count: number; median_seconds: number | null; p90_seconds: number | null };
  full_resolution: { count: number; median_seconds: number | null; p90_seconds: number | null };
  fcr: { numerator: number; denominator: number; rate: number | null };
  reopen: { reopened: number; solved: number; rate: number | null };
  csat: { responses: number; satisfied: number; score: number | null };
  sla: { met: number; breached: number; rate: number | null };
}

export function emptyFigures(): Metrics {
  return {
    created: 0,
    solved: 0,
    solved_without_reply: 0,
    first_response: { count: 0, median_seconds: null, p90_seconds: null, median_business_seconds: null, p90_business_seconds: null },
    first_resolution: { count: 0, median_seconds: null, p90_seconds: null },
    full_resolution: { count: 0, median_seconds: null, p90_seconds: null },
    fcr: { numerator: 0, denominator: 0, rate: null },
    reopen: { reopened: 0, solved: 0, rate: null },
    csat: { responses: 0, satisfied: 0, score: null },
    sla: { met: 0, breached: 0, rate: null },
  };
}

/** One aggregated row of figures-sql: a figure with its count, percentiles and flag sums. */
export interface FigureRow {
  figure: FigureName;
  n: number;
  median: number | string | null;
  p90: number | string | null;
  median2: number | string | null;
  p90_2: number | string | null;
  /** Flag sums (figures-sql.ts): solve → FCR known, FCR true, reopened, without reply; CSAT, SLA → satisfied, met. */
  s1: number;
  s2: number;
  s3: number;
  s4: number;
}

const num = (v: number | string | null) => (v === null ? null : roundFigure(Number(v)));

/** Adds one figure row into a Metrics object (only SLA has two rows per set, one per target). */
export function foldFigureRow(m: Metrics, r: FigureRow): void {
  switch (r.figure) {
    case 'created':
      m.created = r.n;
      return;
    case 'first_response':
      m.first_response = {
        count: r.n,
        median_seconds: num(r.median),
        p90_seconds: num(r.p90),
        median_business_seconds: num(r.median2),
        p90_business_seconds: num(r.p90_2),
      };
      return;
    case 'solve':
      m.solved = r.n;
      m.solved_without_reply = r.s4;
      m.first_resolution = { count: r.n, median_seconds: num(r.median), p90_seconds: num(r.p90) };
      m.fcr = { numerator: r.s2, denominator: r.s1, rate: rate(r.s2, r.s1) };
      m.reopen = { reopened: r.s3, solved: r.n, rate: rate(r.s3, r.n) };
      return;
    case 'full_resolution':
      m.full_resolution = { count: r.n, median_seconds: num(r.median), p90_seconds: num(r.p90) };
      return;
    case 'csat':
      m.csat = { responses: r.n, satisfied: r.s1, score: rate(r.s1, r.n) };
      return;
    case 'sla_fr':
    case 'sla_res': {
      // Two rows, one per target (first response, resolution): they add up.
      const met = m.sla.met + r.s1;
      const breached = m.sla.breached + r.n - r.s1;
      m.sla = { met, breached, rate: rate(met, met + breached) };
      return;
    }
  }
}

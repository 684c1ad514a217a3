'use client';

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { duration, percent } from './format';

export type ValueKind = 'rate' | 'seconds' | 'count';
export interface ChartSeries {
  key: string;
  name: string;
  color: string;
}
type Point = Record<string, string | number | null>;

const formatValue = (kind: ValueKind, v: unknown) =>
  v === null || v === undefined ? 'no data' : kind === 'rate' ? percent(Number(v)) : kind === 'seconds' ? duration(Number(v)) : String(v);

/** Ticks for a duration axis in hours, for a rate axis in percent. */
const axisTick = (kind: ValueKind) => (v: number) => (kind === 'rate' ? `${Math.round(v * 100)}%` : kind === 'seconds' ? `${Math.round(v / 360) / 10} h` : String(v));

/**
 * A line per series over the buckets. A bucket with no data is null: the line breaks there instead of
 * dropping to 0. The chart is hidden from screen readers and keyboard (no accessibility layer): the table
 * view beside it carries the numbers.
 */
export function SeriesChart({ data, series, kind, xKey = 'label' }: { data: Point[]; series: ChartSeries[]; kind: ValueKind; xKey?: string }) {
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey={xKey} tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={axisTick(kind)} tick={{ fontSize: 12 }} width={56} domain={kind === 'rate' ? [0, 1] : [0, 'auto']} />
          <Tooltip formatter={(v) => formatValue(kind, v)} />
          {series.length > 1 ? <Legend /> : null}
          {series.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Bars per category (a histogram or a 1–5 distribution). */
export function BarsChart({ data, series, xKey = 'label' }: { data: Point[]; series: ChartSeries[]; xKey?: string }) {
  return (
    <div aria-hidden="true" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={xKey} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
          <Tooltip />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

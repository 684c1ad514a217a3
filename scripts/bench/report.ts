/** The bench report: a markdown table for people, a JSON file for tools. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RouteResult } from './measure';
import type { SeedResult } from './seed';

export interface BenchReport {
  sizeLabel: string;
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; model: string; totalMemGb: number; node: string; platform: string };
  /** 1-minute load average when the bench started (before seeding) and after measuring: other work inflates latencies. */
  loadAverage: { before: number; after: number };
  /** Share of CPU time the hypervisor gave to other guests while measuring (Linux only): it inflates latencies too. */
  stealPercent: number | null;
  postgres: { version: string; settings: Record<string, string> };
  data: { tickets: number; messages: number; events: number; customers: number; databaseSize: string; openTickets: number; deepOffset: number };
  seed: SeedResult | null;
  server: { idleRssMb: number; rssMb: number; groupRssMb: number; pid: number };
  routes: RouteResult[];
}

/** Cumulative CPU jiffies from /proc/stat (all CPUs): steal and the total; null where there is no /proc. */
export function cpuTimes(): { steal: number; total: number } | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    return { steal: fields[7] ?? 0, total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

export function stealBetween(before: ReturnType<typeof cpuTimes>, after: ReturnType<typeof cpuTimes>): number | null {
  if (!before || !after || after.total <= before.total) return null;
  return Math.round(((after.steal - before.steal) / (after.total - before.total)) * 1000) / 10;
}

export function machineInfo(): BenchReport['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    totalMemGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n.toLocaleString('en-US'));

function budgetCell(r: RouteResult): string {
  if (!r.budget) return '';
  const label = `${r.budget.stat} < ${r.budget.ms}`;
  if (r.withinBudget === undefined || r.withinBudget === null) return label;
  return `${label} ${r.withinBudget ? '✓' : '✗'}`;
}

function statusCell(r: RouteResult): string {
  if (r.state === 'ok') return 'ok';
  if (r.state === 'not available') return 'not available';
  return `**FAILED**${r.httpStatus ? ` (${r.httpStatus})` : ''}`;
}

export function renderMarkdown(r: BenchReport): string {
  const m = r.machine;
  const settings = Object.entries(r.postgres.settings).map(([k, v]) => `${k} ${v}`).join(', ');
  const lines = [
    `# Touchpoint bench: ${r.sizeLabel} tickets (${r.startedAt})`,
    '',
    `- Machine: ${m.cpus} × ${m.model}, ${m.totalMemGb} GB RAM, Node ${m.node}, ${m.platform}`,
    `- Postgres: ${r.postgres.version} (${settings})`,
    `- Load average (1 min): ${r.loadAverage.before} when the bench started, ${r.loadAverage.after} after measuring` +
      (r.loadAverage.before >= m.cpus / 2 ? ' (**other work was running: latencies are inflated**)' : ''),
    ...(r.stealPercent === null
      ? []
      : [`- CPU steal while measuring: ${r.stealPercent} %` + (r.stealPercent >= 3 ? ' (**the host was busy with other guests: latencies are inflated**)' : '')]),
    `- Data: ${fmt(r.data.tickets)} tickets, ${fmt(r.data.messages)} messages, ${fmt(r.data.events)} ticket events, ` +
      `${fmt(r.data.customers)} customers; ${fmt(r.data.openTickets)} open; database ${r.data.databaseSize}`,
    r.seed
      ? `- Load: ${r.seed.totalSeconds.toFixed(0)} s in all (${r.seed.steps.map((s) => `${s.name} ${s.seconds.toFixed(1)} s`).join('; ')})`
      : '- Load: skipped (--skip-seed), the existing bench database was reused',
    `- Server RSS (next-server, pid ${r.server.pid}): ${r.server.idleRssMb} MB idle after sign-in, ${r.server.rssMb} MB after the run ` +
      `(${r.server.groupRssMb} MB for the whole process group)`,
    `- Method: per route a 2 s warm-up, then latency with 1 connection for ${r.durationSeconds} s and throughput with ` +
      `10 connections for ${r.durationSeconds} s (autocannon). Budgets are the issues' (1 connection). ` +
      `The deep inbox page starts ${fmt(r.data.deepOffset)} rows into the open queue.`,
    '',
    '| route | p50 ms | p95 ms | p99 ms | req/s @10 | bytes | gzip bytes | budget (ms) | status |',
    '|---|---:|---:|---:|---:|---:|---:|---|---|',
    ...r.routes.map(
      (x) => `| ${x.name} | ${fmt(x.p50)} | ${fmt(x.p95)} | ${fmt(x.p99)} | ${fmt(x.rps10)} | ${fmt(x.bytes)} | ${fmt(x.wireBytes)} | ${budgetCell(x)} | ${statusCell(x)} |`,
    ),
    '',
  ];
  const notes = r.routes.filter((x) => x.state !== 'ok' && x.message);
  if (notes.length) lines.push(...notes.map((x) => `- ${x.name}: ${x.message!.replace(/\s+/g, ' ').slice(0, 300)}`), '');
  lines.push('Requests:', '', ...r.routes.map((x) => `- ${x.name}: \`${x.method ?? 'GET'} ${x.paths[0] ?? '–'}\`${x.paths.length > 1 ? ` (and ${x.paths.length - 1} more ids)` : ''}`), '');
  return lines.join('\n');
}

export function writeReport(r: BenchReport, dir = path.join(process.cwd(), 'bench', 'results')): { json: string; md: string } {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = r.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const base = path.join(dir, `${r.sizeLabel}-${stamp}`);
  const markdown = renderMarkdown(r);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(r, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown);
  fs.writeFileSync(path.join(dir, 'latest.md'), markdown);
  return { json: `${base}.json`, md: `${base}.md` };
}

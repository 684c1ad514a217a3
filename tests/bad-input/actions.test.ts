/**
 * "No 500 on any input", for every server action: each class of bad input in each field, one at a time, comes
 * back as `{ ok: false }` with a code other than `internal`, a message, and the field named in fieldErrors,
 * and leaves every table as it was. The table is action-table.ts; an exported action it misses fails the
 * first test. Runs on PGlite, and on Postgres with TEST_DATABASE_URL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ActionResult } from '@/lib/errors';
import { BAD_CLASSES, badValuesFor, freeText } from './classes';
import { changedTables, databaseChecksum } from './db-checksum';
import { ACTION_CASES, ACTION_GAPS, type ActionCase } from './action-table';
import { copy, formOf, setPath } from './requests';
import { resolveValid } from './run-route';
import { createWorld, type World } from './world';
import { describeDb } from '../helpers/db';
import { session } from '../idempotency/session-mock';

vi.mock('@/server/auth/session', async (importOriginal) => (await import('../idempotency/session-mock')).mockSession(importOriginal));
vi.mock('next/headers', async () => (await import('../idempotency/session-mock')).mockHeaders());
vi.mock('next/cache', async () => (await import('../idempotency/session-mock')).mockCache());

type Action = (input: unknown) => Promise<ActionResult<unknown>>;
const ACTIONS_DIR = fileURLToPath(new URL('../../server/actions', import.meta.url));

/** Every exported function of every 'use server' file in server/actions: each is a public POST endpoint. */
async function serverActions(): Promise<Map<string, Action>> {
  const actions = new Map<string, Action>();
  for (const file of readdirSync(ACTIONS_DIR).filter((f) => f.endsWith('.ts')).sort()) {
    const full = path.join(ACTIONS_DIR, file);
    if (!/^\s*['"]use server['"]/.test(readFileSync(full, 'utf8'))) continue;
    const mod = (await import(full)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === 'function') actions.set(`${file} ${name}`, value as Action);
  }
  return actions;
}

const titleOf = (c: ActionCase) => `${c.action}${c.variant ? ` (${c.variant})` : ''}`;
const namesField = (key: string, field: string) => key === field || key.startsWith(`${field}.`) || field.startsWith(`${key}.`);
const EXPECTED_CODES = new Set(['invalid', 'not_found', 'forbidden', 'conflict', 'payload_too_large']);

function inputOf(c: ActionCase, values: Record<string, unknown>): unknown {
  const shaped = c.shape ? c.shape(values) : values;
  if (c.input !== 'object') return formOf(shaped);
  const object: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(shaped)) if (value !== undefined) setPath(object, name, copy(value));
  return object;
}

/** `mirror`: the field that carried the same bad value (a confirmation), which may be named too. */
function problemWith(field: string, result: ActionResult<unknown>, mirror?: string): string | null {
  const said = JSON.stringify(result).slice(0, 300);
  if (result.ok) return `expected a refusal, got ${said}`;
  if (!EXPECTED_CODES.has(result.code)) return `expected a 4xx-kind code, got ${said}`;
  if (!result.message) return `expected a message, got ${said}`;
  const keys = Object.keys(result.fieldErrors ?? {});
  if (!keys.some((key) => namesField(key, field))) return `expected fieldErrors to name ${field}, got ${said}`;
  const others = keys.filter((key) => !namesField(key, field) && key !== mirror);
  return others.length ? `fieldErrors names other fields too (${others.join(', ')}): is the valid input valid? ${said}` : null;
}

describe(`bad input to every server action (${describeDb})`, () => {
  let w: World;
  let actions: Map<string, Action>;
  beforeAll(async () => {
    w = await createWorld();
    actions = await serverActions();
  });
  afterAll(() => w.handle.close());

  it('the table covers every exported server action, and nothing else', () => {
    const exported = [...actions.keys()];
    const listed = new Set([...ACTION_CASES.map((c) => c.action), ...ACTION_GAPS.map((g) => g.action)]);
    expect(exported.filter((a) => !listed.has(a)), 'add these actions to tests/bad-input/action-table.ts').toEqual([]);
    expect([...listed].filter((a) => !actions.has(a)), 'these actions in the table no longer exist').toEqual([]);
  });

  it('every class of bad input is sent to every action', () => {
    const missing: string[] = [];
    for (const c of ACTION_CASES) {
      const sent = new Set(Object.values(c.fields).flatMap((f) => badValuesFor(f.kind, c.input ?? 'form', '').map((v) => v.cls)));
      const numeric = Object.values(c.fields).some((f) => f.kind === 'id' || f.kind === 'number');
      // A form carries no lone surrogate (it arrives as U+FFFD, ordinary text), and free text takes "%C0%AF"
      // as typed: an action whose fields are all free text has no malformed encoding to refuse.
      const fixedFormat = (c.input ?? 'form') !== 'form' || Object.values(c.fields).some((f) => !freeText(f.kind));
      const exempt = (cls: string) => (cls === 'huge_integer' && !numeric) || (cls === 'malformed_encoding' && !fixedFormat);
      for (const cls of BAD_CLASSES) if (!sent.has(cls) && !exempt(cls)) missing.push(`${titleOf(c)}: ${cls}`);
    }
    expect(missing).toEqual([]);
  });

  for (const c of ACTION_CASES) {
    describe(titleOf(c), () => {
      for (const [field, spec] of Object.entries(c.fields)) {
        it(`${field} (${spec.kind})`, async () => {
          session.actor = c.as === 'admin' ? w.admin : c.as === 'customer' ? w.customer : null;
          const action = actions.get(c.action)!;
          const valid = Object.fromEntries(Object.entries(c.fields).map(([name, f]) => [name, resolveValid(f.valid, w)]));
          const failures: string[] = [];
          for (const bad of badValuesFor(spec.kind, c.input ?? 'form', valid[field])) {
            const before = await databaseChecksum(w.handle.db);
            const values = { ...valid, [field]: bad.value, ...(spec.mirror ? { [spec.mirror]: bad.value } : {}) };
            let result: ActionResult<unknown>;
            try {
              result = await action(inputOf(c, values));
            } catch (error) {
              failures.push(`${bad.cls} / ${bad.label}: threw ${(error as Error).message.slice(0, 200)}`);
              continue;
            }
            const problem = problemWith(field, result, spec.mirror);
            if (problem) failures.push(`${bad.cls} / ${bad.label}: ${problem}`);
            const changed = changedTables(before, await databaseChecksum(w.handle.db));
            if (changed.length) failures.push(`${bad.cls} / ${bad.label}: the database changed (${changed.join(', ')})`);
          }
          expect(failures).toEqual([]);
        });
      }
    });
  }
});

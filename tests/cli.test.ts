import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The admin CLI as a user runs it: a real `tsx scripts/tp.ts` process on a fresh embedded database.
 * The tests share one PGlite directory and run in order (the first one creates it).
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tp(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['scripts/tp.ts', ...args], {
      cwd: ROOT,
      // An empty DATABASE_URL is falsy for openDatabase, so the CLI uses PGlite in PGLITE_DIR.
      env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/** One clear line, no stack trace. */
function expectOneLineError(run: Run) {
  expect(run.code).toBe(1);
  expect(lines(run.stderr)).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('admin CLI (npm run tp)', { timeout: 90_000 }, () => {
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-cli-'));
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('users:create without --password generates one and prints it', async () => {
    const run = await tp('users:create', '--email', 'Ann.Agent@Example.com', '--name', 'Ann Agent', '--role', 'agent', '--team', 'Support');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ann.agent@example.com');
    expect(run.stdout).toMatch(/^Password: \S{12,}$/m);
  });

  it('refuses a duplicate email with one clear line', async () => {
    const run = await tp('users:create', '--email', 'ann.agent@example.com', '--name', 'Ann Again', '--role', 'lead');
    expectOneLineError(run);
    expect(run.stderr).toMatch(/already exists/);
    expect(run.stderr).toContain('ann.agent@example.com');
  });

  it('names the allowed roles when --role is wrong', async () => {
    const run = await tp('users:create', '--email', 'bob@example.com', '--name', 'Bob', '--role', 'boss');
    expectOneLineError(run);
    expect(run.stderr).toContain('--role');
    expect(run.stderr).toMatch(/admin, lead, agent/);
  });

  it('says which flag is missing or invalid', async () => {
    // These fail before the database is opened, so they can run side by side.
    const [missing, badEmail, unknownFlag] = await Promise.all([
      tp('users:create', '--name', 'Bob', '--role', 'agent'),
      tp('users:create', '--email', 'not-an-email', '--name', 'Bob', '--role', 'agent'),
      tp('tokens:create', '--email', 'ann.agent@example.com', '--bogus'),
    ]);
    expectOneLineError(missing);
    expect(missing.stderr).toContain('--email is required');
    expectOneLineError(badEmail);
    expect(badEmail.stderr).toContain('--email');
    expectOneLineError(unknownFlag);
    expect(unknownFlag.stderr).toContain('--bogus');
  });

  it('tokens:create prints the token alone on the last line', async () => {
    const run = await tp('tokens:create', '--email', 'ann.agent@example.com', '--name', 'CI');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const last = lines(run.stdout).at(-1);
    expect(last).toMatch(/^tp_[A-Za-z0-9_-]{20,}$/);
  });

  it('tokens:create for an unknown user exits 1', async () => {
    const run = await tp('tokens:create', '--email', 'nobody@example.com');
    expectOneLineError(run);
    expect(run.stderr).toContain('nobody@example.com');
  });

  it('sessions:revoke signs a staff member out everywhere; an unknown email exits 1', async () => {
    const run = await tp('sessions:revoke', '--email', 'ann.agent@example.com');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Signed ann\.agent@example\.com out of 0 sessions\.$/m);
    const unknown = await tp('sessions:revoke', '--email', 'nobody@example.com', '--customer');
    expectOneLineError(unknown);
    expect(unknown.stderr).toContain('No customer has the email nobody@example.com');
  });

  it('rejects an unknown command with exit 1 and shows help with exit 0', async () => {
    const [unknown, help] = await Promise.all([tp('users:delete'), tp('help')]);
    expectOneLineError(unknown);
    expect(unknown.stderr).toContain('users:delete');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('users:create');
    expect(help.stdout).toContain('tokens:create');
    expect(help.stdout).toContain('db:seed --demo');
  });
});

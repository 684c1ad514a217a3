#!/usr/bin/env node
// `npm test`: every suite, then one closing line `N passed, N failed[, N skipped]` that CI reads.
//
//   unit (PGlite)    vitest run, TEST_DATABASE_URL removed
//   unit (Postgres)  vitest run again with TEST_DATABASE_URL, when it is set
//   e2e              next build (unless TP_SKIP_BUILD=1 and .next/BUILD_ID exists), then playwright test
//   fault (postgres) vitest -c vitest.fault.config.ts: a throwaway Postgres cluster of its own, stopped,
//                    crashed and restarted under load, against the e2e build (needs the Postgres binaries)
//   bench (2k)       the benchmark at a tiny size, when TEST_DATABASE_URL is set
//
// Counts come from the JSON reports, not from exit codes; a stage that fails without a readable report
// (or exits non-zero although its report shows no failure) counts as one failure.
// One Ctrl-C (or SIGTERM) stops the running stage's whole process group and skips the stages after it;
// a second one kills what is left at once.
// Flags: --only=unit | --only=e2e | --only=fault.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const RESULTS = path.join(root, 'test-results');

const onlyArg = process.argv.slice(2).find((arg) => arg.startsWith('--only='));
const only = onlyArg ? onlyArg.slice('--only='.length) : undefined;
if (only && !['unit', 'e2e', 'fault'].includes(only)) {
  console.error(`Unknown ${onlyArg}: use --only=unit, --only=e2e or --only=fault`);
  process.exit(2);
}
const unknown = process.argv.slice(2).filter((arg) => !arg.startsWith('--only='));
if (unknown.length) {
  console.error(`Unknown arguments: ${unknown.join(' ')} (accepted: --only=unit, --only=e2e, --only=fault)`);
  process.exit(2);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const stageLog = [];

function baseEnv(overrides = {}) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TZ: 'UTC', ...overrides };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

/** Set by the first Ctrl-C / SIGTERM: the running stage is stopped and no further stage starts. */
let interrupted = null;
let current = null;

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal); // the stage's whole process group: its workers and servers too
  } catch {
    child.kill(signal);
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) {
      if (current) signalGroup(current, 'SIGKILL');
      return;
    }
    interrupted = signal;
    console.error(`\n${signal}: stopping the running stage; no further stage will start (again to kill at once).`);
    if (current) signalGroup(current, signal);
  });
}

function run(command, args, env) {
  if (interrupted) return Promise.resolve(130);
  return new Promise((resolve) => {
    console.log(`\n$ ${path.relative(root, command) || command} ${args.join(' ')}`);
    // detached: a process group of its own, so a signal reaches every process of the stage exactly once
    // (a terminal's Ctrl-C goes to our group only, and we pass it on).
    const child = spawn(command, args, { stdio: 'inherit', env, cwd: root, detached: true });
    current = child;
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      current = null;
      resolve(127);
    });
    child.on('close', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function removeIfExists(file) {
  fs.rmSync(file, { force: true });
}

function record(stage, counts, exitCode, startedAt, note) {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  stageLog.push(
    `  ${stage.padEnd(16)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` +
      `  (exit ${exitCode}, ${seconds}s)${note ? `  ${note}` : ''}`,
  );
}

/** vitest's JSON reporter (jest-compatible shape). */
function countVitest(report) {
  const counts = {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
  // A file that failed without a failed test (import error, beforeAll throwing) still counts once.
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    if (file.status === 'failed' && !tests.some((test) => test.status === 'failed')) counts.failed += 1;
  }
  return counts;
}

/** Playwright's JSON reporter: suites nest suites and specs; each spec has one test per project. */
function countPlaywright(report) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'expected' || test.status === 'flaky') counts.passed += 1;
        else if (test.status === 'unexpected') counts.failed += 1;
        else if (test.status === 'skipped') counts.skipped += 1;
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  // Errors outside any test (webServer did not start, a spec file failed to load).
  if ((report.errors ?? []).length && counts.failed === 0) counts.failed += 1;
  return counts;
}

async function reportedStage(stage, command, args, env, reportFile, count) {
  const startedAt = Date.now();
  removeIfExists(reportFile);
  const code = await run(command, args, env);
  const report = readJson(reportFile);
  if (!report) {
    console.error(`\n${stage}: no readable report at ${path.relative(root, reportFile)} (exit ${code}).`);
    record(stage, { passed: 0, failed: 1, skipped: 0 }, code, startedAt, 'no report');
    return;
  }
  const counts = count(report);
  let note;
  if (code !== 0 && counts.failed === 0) {
    // e.g. vitest's unhandled errors, or no test files found: the run failed although no test did.
    counts.failed = 1;
    note = 'exited non-zero without a failed test';
    console.error(`\n${stage}: exited ${code} although its report lists no failed test; counted as 1 failure.`);
  }
  record(stage, counts, code, startedAt, note);
}

function vitestStage(stage, reportName, env) {
  const reportFile = path.join(RESULTS, reportName);
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.relative(root, reportFile)}`];
  return reportedStage(stage, bin('vitest'), args, env, reportFile, countVitest);
}

async function unitStages() {
  await vitestStage('unit (pglite)', 'vitest-pglite.json', baseEnv({ TEST_DATABASE_URL: undefined }));
  if (process.env.TEST_DATABASE_URL) {
    await vitestStage('unit (postgres)', 'vitest-postgres.json', baseEnv());
  } else {
    console.log(
      '\nPostgres pass skipped: TEST_DATABASE_URL is not set. To run the suite on real Postgres too, set it to ' +
        'a database on a server where this user may create databases, e.g.\n' +
        '  TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm test',
    );
  }
}

async function e2eStage() {
  const startedAt = Date.now();
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    console.error(
      `\nChromium not found at ${chromium}: install it with \`apt-get install -y chromium\` (Debian) or set CHROMIUM_PATH`,
    );
    record('e2e', { passed: 0, failed: 1, skipped: 0 }, 'n/a', startedAt, 'no chromium');
    return;
  }

  // The build and the e2e server never see the developer's DATABASE_URL: the server gets a fresh PGlite.
  const pgliteDir = path.join(os.tmpdir(), `tp-e2e-${process.pid}-${Date.now()}`);
  const env = baseEnv({ DATABASE_URL: undefined, CHROMIUM_PATH: chromium, TP_E2E_PGLITE_DIR: pgliteDir });

  const haveBuild = fs.existsSync(path.join(root, '.next', 'BUILD_ID'));
  if (!haveBuild || process.env.TP_SKIP_BUILD !== '1') {
    const buildStartedAt = Date.now();
    const code = await run(bin('next'), ['build'], env);
    if (code !== 0) {
      console.error(`\nnext build failed (exit ${code}); e2e tests not run.`);
      record('e2e (build)', { passed: 0, failed: 1, skipped: 0 }, code, buildStartedAt, 'build failed');
      return;
    }
    record('e2e (build)', { passed: 0, failed: 0, skipped: 0 }, code, buildStartedAt);
  }

  const reportFile = path.join(RESULTS, 'playwright.json');
  try {
    await reportedStage(
      'e2e',
      bin('playwright'),
      ['test'],
      { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: path.relative(root, reportFile) },
      reportFile,
      countPlaywright,
    );
  } finally {
    fs.rmSync(pgliteDir, { recursive: true, force: true });
  }
}

/**
 * The fault suite: its own throwaway Postgres cluster (never the shared one), stopped, crashed and
 * restarted under load, with the built app in front of it. Reuses the e2e build, or builds once itself.
 */
async function faultStage() {
  const startedAt = Date.now();
  const pgBin = process.env.TP_PG_BIN || '/usr/lib/postgresql/15/bin';
  if (!fs.existsSync(path.join(pgBin, 'initdb'))) {
    console.error(`\nfault (postgres): no Postgres binaries in ${pgBin} (apt-get install postgresql, or set TP_PG_BIN).`);
    record('fault (postgres)', { passed: 0, failed: 1, skipped: 0 }, 'n/a', startedAt, 'no postgres binaries');
    return;
  }
  const env = baseEnv({ DATABASE_URL: undefined, DATABASE_READ_URL: undefined });
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    const code = await run(bin('next'), ['build'], env);
    if (code !== 0) {
      record('fault (build)', { passed: 0, failed: 1, skipped: 0 }, code, startedAt, 'build failed');
      return;
    }
  }
  const reportFile = path.join(RESULTS, 'vitest-fault.json');
  const args = ['run', '-c', 'vitest.fault.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${path.relative(root, reportFile)}`];
  await reportedStage('fault (postgres)', bin('vitest'), args, env, reportFile, countVitest);
}

/**
 * The benchmark at a tiny size, to prove it works (never a timed test): it needs Postgres, so it runs when
 * TEST_DATABASE_URL is set, on its own database next to the test one, reusing the e2e build.
 */
async function benchStage() {
  const startedAt = Date.now();
  if (!process.env.TEST_DATABASE_URL) {
    console.log('\nBench smoke test skipped: set TEST_DATABASE_URL (a Postgres server) to run it.');
    return;
  }
  const url = new URL(process.env.TEST_DATABASE_URL);
  // Named after the test database, and on its own port, so checkouts side by side never share either.
  url.pathname = `${url.pathname.replace(/\/$/, '') || '/touchpoint'}_bench`;
  const port = process.env.TP_BENCH_PORT || '3198';
  const code = await run(bin('tsx'), ['scripts/bench/run.ts', '--tickets', '2000', '--duration', '1', '--port', port], baseEnv({ BENCH_DATABASE_URL: url.toString(), DATABASE_URL: undefined, BENCH_RESULTS_DIR: path.join(RESULTS, 'bench') }));
  record('bench (2k)', code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 }, code, startedAt);
}

fs.mkdirSync(RESULTS, { recursive: true });
const startedAt = Date.now();
const stages = [
  ['unit', unitStages],
  ['e2e', e2eStage],
  ['fault', faultStage],
  ['e2e', benchStage],
];
for (const [group, stage] of stages) {
  if (interrupted) break;
  if (!only || only === group) await stage();
}

console.log(`\nStages (${((Date.now() - startedAt) / 1000).toFixed(1)}s):\n${stageLog.join('\n')}`);
if (interrupted) {
  console.log(`Interrupted (${interrupted}): the stages after the running one did not start.`);
  totals.failed += 1;
}
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exitCode = interrupted ? (interrupted === 'SIGINT' ? 130 : 143) : totals.failed > 0 ? 1 : 0;

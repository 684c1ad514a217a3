import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_HEAP } from '../scripts/bench/server';

describe('bench server', () => {
  it('runs next start with the same heap cap as npm start, so it measures the server users run', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain(`NODE_OPTIONS=${SERVER_HEAP} next start`);
  });
});

import { describe, expect, it } from 'vitest';
import { resolveAuthSecret } from './secret';

describe('NEXTAUTH_SECRET', () => {
  it('production refuses to run without one, with a message that says how to fix it', () => {
    expect(() => resolveAuthSecret({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(/NEXTAUTH_SECRET is not set/);
  });

  it('uses the configured secret as it is', () => {
    expect(resolveAuthSecret({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'from-env' } as NodeJS.ProcessEnv)).toBe('from-env');
  });

  it('development makes one and keeps it across restarts', () => {
    const first = resolveAuthSecret({ NODE_ENV: 'development' } as NodeJS.ProcessEnv);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveAuthSecret({ NODE_ENV: 'development' } as NodeJS.ProcessEnv)).toBe(first);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apiTokens, users } from '@/db/schema';
import { createApiToken, revokeApiToken, staffForToken } from '@/server/services/api-tokens';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';

describe(`API tokens (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
  });
  afterAll(() => handle.close());

  const lastUsed = async (id: number) => (await handle.db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, id)))[0].at;

  it('finds the staff member behind a token and notes when it was used, in the same statement', async () => {
    const { db } = handle;
    const { token, id } = await createApiToken(db, { email: people.agent.email });
    expect(await lastUsed(id)).toBeNull();
    const user = await staffForToken(db, token);
    expect(user).toMatchObject({ id: people.agent.id, email: people.agent.email, role: 'agent' });
    expect(await lastUsed(id)).toBeInstanceOf(Date);
  });

  it('refuses unknown, malformed and revoked tokens, and tokens of deactivated staff, without touching them', async () => {
    const { db } = handle;
    const { token, id } = await createApiToken(db, { email: people.agent.email });
    expect(await staffForToken(db, 'not-a-token')).toBeNull();
    expect(await staffForToken(db, `${token}x`)).toBeNull();

    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, people.agent.id));
    expect(await staffForToken(db, token)).toBeNull();
    expect(await lastUsed(id)).toBeNull();
    await db.update(users).set({ deactivatedAt: null }).where(eq(users.id, people.agent.id));
    expect(await staffForToken(db, token)).not.toBeNull();

    await revokeApiToken(db, id);
    expect(await staffForToken(db, token)).toBeNull();
  });
});

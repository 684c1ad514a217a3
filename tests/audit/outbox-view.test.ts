import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, outboundEmails } from '@/db/schema';
import type { StaffActor } from '@/lib/domain/permissions';
import { viewOutboxMail } from '@/server/services/outbox-view';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';

describe(`outbox views (${describeDb})`, () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle.close());

  const admin: StaffActor = { kind: 'staff', id: 41, role: 'admin', teamId: null, name: 'Ada', email: 'ada@touchpoint.test' };

  it('records every view of a mail that carried a private link, and none of one that did not', async () => {
    const [withLink, plain] = await handle.db
      .insert(outboundEmails)
      .values([
        { kind: 'password_reset', toAddress: 'c@example.com', subject: 'Reset', body: 'http://x/portal/reset/[hidden]', hiddenLinks: 1, jobId: 'j-1' },
        { kind: 'agent_replied', toAddress: 'c@example.com', subject: 'Reply', body: 'http://x/portal/requests/K-1', hiddenLinks: 0, jobId: 'j-2' },
      ])
      .returning();
    const origin = { ip: '203.0.113.20', userAgent: 'Chromium' };
    expect((await viewOutboxMail(handle.db, admin, withLink.id, origin))?.body).toContain('[hidden]');
    await viewOutboxMail(handle.db, admin, withLink.id, origin);
    await viewOutboxMail(handle.db, admin, plain.id, origin);
    expect(await viewOutboxMail(handle.db, admin, 999_999, origin)).toBeNull();

    const entries = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'outbox.mail_viewed'));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      actorKind: 'staff',
      actorId: 41,
      objectType: 'outbound_email',
      objectId: String(withLink.id),
      ip: '203.0.113.20',
      userAgent: 'Chromium',
      after: { kind: 'password_reset', hiddenLinks: 1 },
    });
  });
});

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { attachments, messages, tickets } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { attachmentsByMessage, findGuestAttachment, findPortalAttachment, findStaffAttachment } from '@/server/queries/attachments';
import { getPortalTicket, scopeWhere } from '@/server/queries/portal';
import { portalRequestJson } from '@/server/http/portal-api';
import { withUploads } from '@/server/services/attachments';
import { replyAsAccount, submitAccountRequest, submitGuestRequest } from '@/server/services/portal-requests';
import { changeStatus } from '@/server/services/ticket-fields';
import { addMessage } from '@/server/services/ticket-messages';
import { attachmentStore } from '@/server/storage/attachment-store';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const file = (name: string, bytes: Uint8Array | string) => {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return { name, size: data.byteLength, bytes: data };
};
const request = { subject: 'Broken lid', body: 'See the photo.', journeyStage: null, touchpoint: null, reference: null };

async function storedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

async function streamText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe(`attachments: stored with the message, scoped when served (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tp-attachments-'));
    process.env.TP_ATTACHMENTS_DIR = dir; // read once, at the store's first use
    handle = await createTestDb();
    people = await seedPeople(handle.db);
  });
  afterAll(async () => {
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });

  const counts = async () => {
    const [m] = await handle.db.select({ n: count() }).from(messages);
    const [a] = await handle.db.select({ n: count() }).from(attachments);
    return { messages: m.n, attachments: a.n, files: (await storedFiles(dir)).length };
  };

  it('a portal request with a file stores it under a random key, with the sniffed type and the display name', async () => {
    const ticket = await withUploads([file('lid photo.png', PNG)], (staged) => submitAccountRequest(handle.db, people.alice.id, request, staged));
    const [row] = await handle.db.select().from(attachments).where(eq(attachments.ticketId, ticket.id));
    expect(row).toMatchObject({ fileName: 'lid photo.png', contentType: 'image/png', sizeBytes: PNG.byteLength });
    expect(row.storageKey).toMatch(/^[a-f0-9]{32}$/);
    expect(await storedFiles(dir)).toContain(row.storageKey);
    const stream = await attachmentStore().get(row.storageKey);
    expect(new Uint8Array(await new Response(stream).arrayBuffer())).toEqual(PNG);
  });

  it('a refused file (type, size or name) stores nothing: no message, no row, no file', async () => {
    const [ticket] = await handle.db.select().from(tickets).limit(1);
    const before = await counts();
    for (const bad of [file('evil.png', '<svg onload="alert(1)"/>'), file('../../etc/passwd', 'root:x:0:0'), { name: 'huge.pdf', size: 10 * 1024 * 1024 + 1, bytes: new Uint8Array() }]) {
      const error = await withUploads([file('ok.png', PNG), bad], (staged) =>
        addMessage(handle.db, { ticketId: ticket.id, body: 'files', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'public', attachments: staged }),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).details?.fieldErrors?.attachments?.[0]).toMatch(/not a file type we accept|cannot contain folders|at most 10.0 MB/);
    }
    expect(await counts()).toEqual(before);
  });

  it('when the write fails after the files were stored, the files are deleted and no row is left', async () => {
    const ticket = await submitAccountRequest(handle.db, people.bob.id, request);
    await changeStatus(handle.db, { ticketId: ticket.id, status: 'closed', actor: { kind: 'agent', userId: people.agent.id } });
    const before = await counts();
    const error = await withUploads([file('a.png', PNG), file('b.txt', 'notes')], (staged) =>
      addMessage(handle.db, { ticketId: ticket.id, body: 'late', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'internal', attachments: staged }),
    ).catch((e: unknown) => e);
    expect((error as ServiceError).code).toBe('ticket_closed');
    expect(await counts()).toEqual(before);
  });

  it('a customer fetches files on public messages of their own requests only: not internal ones, not another customer’s', async () => {
    const ticket = await withUploads([file('receipt.pdf', '%PDF-1.4 alice receipt')], (staged) => submitAccountRequest(handle.db, people.alice.id, request, staged));
    await withUploads([file('internal.txt', 'fraud check notes')], (staged) =>
      addMessage(handle.db, { ticketId: ticket.id, body: 'checked', authorKind: 'agent', authorUserId: people.agent.id, visibility: 'internal', attachments: staged }),
    );
    const all = [...(await attachmentsByMessage(handle.db, ticket.id, { publicOnly: false })).values()].flat();
    const publicFile = all.find((a) => a.fileName === 'receipt.pdf')!;
    const internalFile = all.find((a) => a.fileName === 'internal.txt')!;

    const alice = scopeWhere({ customerId: people.alice.id, verified: true });
    const bob = scopeWhere({ customerId: people.bob.id, verified: true });
    const served = await findPortalAttachment(handle.db, publicFile.id, alice);
    expect(served).toMatchObject({ fileName: 'receipt.pdf', contentType: 'application/pdf' });
    expect(await streamText((await attachmentStore().get(served!.storageKey))!)).toBe('%PDF-1.4 alice receipt');
    expect(await findPortalAttachment(handle.db, internalFile.id, alice)).toBeNull();
    expect(await findPortalAttachment(handle.db, publicFile.id, bob)).toBeNull();
    expect(await findPortalAttachment(handle.db, 999_999, alice)).toBeNull();
    // Staff see both; the portal thread lists only the public one.
    expect(await findStaffAttachment(handle.db, internalFile.id)).not.toBeNull();
    const view = await getPortalTicket(handle.db, { customerId: people.alice.id, verified: true }, ticket.publicKey);
    expect(view!.thread.flatMap((m) => m.attachments.map((a) => a.fileName))).toEqual(['receipt.pdf']);
    // The portal JSON links the public file to the account's own download route, and names no other.
    const json = portalRequestJson(view!, '/api/portal/attachments');
    expect(json.messages.flatMap((m) => m.attachments)).toEqual([
      expect.objectContaining({ attachment_id: publicFile.id, file_name: 'receipt.pdf', download_url: `/api/portal/attachments/${publicFile.id}` }),
    ]);
  });

  it('a guest link reaches files of its own request only', async () => {
    const mine = await withUploads([file('guest.png', PNG)], (staged) => submitGuestRequest(handle.db, { ...request, email: 'gail@example.com', name: 'Gail' }, staged));
    const other = await withUploads([file('other.png', PNG)], (staged) => submitGuestRequest(handle.db, { ...request, email: 'otto@example.com', name: 'Otto' }, staged));
    const [mineFile] = [...(await attachmentsByMessage(handle.db, mine.ticket.id, { publicOnly: true })).values()].flat();
    const [otherFile] = [...(await attachmentsByMessage(handle.db, other.ticket.id, { publicOnly: true })).values()].flat();
    expect(await findGuestAttachment(handle.db, mineFile.id, mine.ticket.id)).not.toBeNull();
    expect(await findGuestAttachment(handle.db, otherFile.id, mine.ticket.id)).toBeNull();
  });

  it('a customer reply with a file to a closed request puts the file on the follow-up', async () => {
    const ticket = await submitAccountRequest(handle.db, people.alice.id, request);
    await changeStatus(handle.db, { ticketId: ticket.id, status: 'closed', actor: { kind: 'agent', userId: people.agent.id } });
    const result = await withUploads([file('again.png', PNG)], (staged) => replyAsAccount(handle.db, people.alice.id, ticket.id, 'It broke again', staged));
    const rows = await handle.db.select({ ticketId: attachments.ticketId, messageTicket: messages.ticketId }).from(attachments).innerJoin(messages, eq(messages.id, attachments.messageId)).where(eq(attachments.fileName, 'again.png'));
    expect(rows).toEqual([{ ticketId: result.followUp!.id, messageTicket: result.followUp!.id }]);
  });
});

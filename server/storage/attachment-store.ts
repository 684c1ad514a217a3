import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

/**
 * Where attachment bytes live. Keys are random (never a file name), so nothing a sender chose ever
 * reaches a path. Another backend (S3 and the like) implements the same three calls.
 */
export interface AttachmentStore {
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes as a web stream, or null when the key holds nothing. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^[a-f0-9]{32}$/;

/** Files on the local disk, fanned out by the key's first two characters. */
export class LocalDiskStore implements AttachmentStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error('Malformed attachment storage key');
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const key = randomBytes(16).toString('hex');
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes, { flag: 'wx' });
    return key;
  }

  async get(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const file = this.pathOf(key);
    const found = await stat(file).catch(() => null);
    if (!found?.isFile()) return null;
    return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/** `TP_ATTACHMENTS_DIR`, else `.data/attachments` beside the embedded database. */
export function attachmentsDir(): string {
  return process.env.TP_ATTACHMENTS_DIR || path.join(process.cwd(), '.data', 'attachments');
}

let store: AttachmentStore | undefined;
export function attachmentStore(): AttachmentStore {
  store ??= new LocalDiskStore(attachmentsDir());
  return store;
}

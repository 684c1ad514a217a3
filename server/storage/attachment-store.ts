import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, opendir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

/** A stored file as the orphan sweeper sees it: its key and when its bytes were written. */
export interface StoredFile {
  key: string;
  modifiedAt: Date;
}

/**
 * Where attachment bytes live. Keys are random (never a file name), so nothing a sender chose ever
 * reaches a path. Another backend (S3 and the like) implements the same calls.
 */
export interface AttachmentStore {
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes as a web stream, or null when the key holds nothing. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Every stored file, one at a time (never the whole listing in memory), in no particular order. */
  list(): AsyncIterable<StoredFile>;
  /** The id of the database this store belongs to (see attachment-sweep.ts), or null before one claimed it. */
  readOwner(): Promise<string | null>;
  /** Records the owning database's id; refuses when the store already has one. */
  claimOwner(id: string): Promise<void>;
}

const KEY_PATTERN = /^[a-f0-9]{32}$/;
const FAN_OUT_PATTERN = /^[a-f0-9]{2}$/;
const OWNER_FILE = '.touchpoint-store';

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

  async exists(key: string): Promise<boolean> {
    return (await stat(this.pathOf(key)).catch(() => null))?.isFile() ?? false;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Walks the fan-out directories with opendir, which reads a directory in chunks, not whole. */
  async *list(): AsyncIterable<StoredFile> {
    const top = await opendir(this.root).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (!top) return;
    for await (const fanOut of top) {
      if (!fanOut.isDirectory() || !FAN_OUT_PATTERN.test(fanOut.name)) continue;
      for await (const entry of await opendir(path.join(this.root, fanOut.name))) {
        if (!entry.isFile() || !KEY_PATTERN.test(entry.name) || !entry.name.startsWith(fanOut.name)) continue;
        // A file deleted since the directory was read is simply skipped.
        const found = await stat(path.join(this.root, fanOut.name, entry.name)).catch(() => null);
        if (found) yield { key: entry.name, modifiedAt: found.mtime };
      }
    }
  }

  async readOwner(): Promise<string | null> {
    const text = await readFile(path.join(this.root, OWNER_FILE), 'utf8').catch(() => null);
    return text?.trim() || null;
  }

  async claimOwner(id: string): Promise<void> {
    await mkdir(this.root, { recursive: true });
    await writeFile(path.join(this.root, OWNER_FILE), `${id}\n`, { flag: 'wx' });
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

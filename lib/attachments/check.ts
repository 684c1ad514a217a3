import { checkFileName } from './file-name';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE, formatBytes } from './limits';
import { sniffContentType } from './sniff';

/** `size` is checked first, so an oversized file's bytes need not be read at all (pass them empty). */
export interface UploadCandidate {
  name: string;
  size: number;
  bytes: Uint8Array;
}

export interface CheckedUpload {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export type UploadsCheck = { ok: true; files: CheckedUpload[] } | { ok: false; messages: string[] };

/**
 * Every rule an upload must pass before anything is stored: count, size, name, and a type sniffed
 * from the content. All files are checked, so the sender sees every problem at once.
 */
export function checkUploads(candidates: readonly UploadCandidate[]): UploadsCheck {
  if (candidates.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    return { ok: false, messages: [`Attach at most ${MAX_ATTACHMENTS_PER_MESSAGE} files to one message (you chose ${candidates.length}).`] };
  }
  const messages: string[] = [];
  const files: CheckedUpload[] = [];
  for (const candidate of candidates) {
    const name = checkFileName(candidate.name);
    if (!name.ok) {
      messages.push(name.message);
      continue;
    }
    if (candidate.size > MAX_ATTACHMENT_BYTES) {
      messages.push(`${name.name} is ${formatBytes(candidate.size)}; each file can be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}.`);
      continue;
    }
    if (candidate.size === 0) {
      messages.push(`${name.name} is empty.`);
      continue;
    }
    const type = sniffContentType(candidate.bytes, name.name);
    if (!type) {
      messages.push(`${name.name} is not a file type we accept. Send images (PNG, JPEG, GIF, WebP), PDF, text, CSV or Office documents.`);
      continue;
    }
    files.push({ fileName: name.name, contentType: type.contentType, bytes: candidate.bytes });
  }
  return messages.length ? { ok: false, messages } : { ok: true, files };
}

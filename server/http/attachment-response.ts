import { contentDisposition } from '@/lib/attachments/file-name';
import { ServiceError } from '@/lib/errors';
import { DOWNLOAD_CSP } from '@/lib/http/download-routes';
import { idOf } from '@/lib/validation/common';
import { parsePathParam } from './input';
import type { ServedAttachment } from '../queries/attachments';
import { attachmentStore } from '../storage/attachment-store';

export const ATTACHMENT_NOT_FOUND = 'That attachment does not exist, or you cannot see it.';

/** A route's attachment id, or the same 404 as an unknown one (naming the `id` parameter). */
export function attachmentIdOf(raw: string): number {
  return parsePathParam(idOf('An attachment id is a whole number from 1 to 2147483647.'), raw, 'id', { code: 'not_found', message: ATTACHMENT_NOT_FOUND });
}

/**
 * Streams a file as a download, never inline: the sniffed type, `nosniff`, and a sandboxing CSP in
 * case a browser renders it anyway. Private: no shared cache may keep it.
 */
export async function attachmentResponse(file: ServedAttachment | null): Promise<Response> {
  if (!file) throw new ServiceError('not_found', ATTACHMENT_NOT_FOUND);
  const body = await attachmentStore().get(file.storageKey);
  if (!body) throw new ServiceError('not_found', 'That file is no longer in storage.');
  return new Response(body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.sizeBytes),
      'Content-Disposition': contentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': DOWNLOAD_CSP,
      'Cache-Control': 'private, no-store',
    },
  });
}

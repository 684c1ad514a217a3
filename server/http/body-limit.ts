import { bodyLimitFor, tooLargeMessage, type BodyLimit } from '@/lib/http/body-limits';
import { isUploadAction } from './action-manifest';

function refuse(request: Request, pathname: string, limit: BodyLimit): Response {
  const message = tooLargeMessage(limit);
  const headers = { 'cache-control': 'no-store' };
  if (pathname.startsWith('/api/')) {
    return Response.json({ error: { code: 'payload_too_large', message } }, { status: 413, headers });
  }
  // A server action's caller turns a text/plain error body into the error it throws (Next's action client
  // compares the content type exactly, so no charset): useFormAction shows it as it is. A page gets it too.
  return new Response(message, { status: 413, headers: { ...headers, 'content-type': 'text/plain' } });
}

/**
 * proxy.ts: 413 for a body over its route's or action's limit (lib/http/body-limits.ts), or null to go on.
 * A declared Content-Length is checked at once (Node never reads past it). A chunked body has none: the proxy
 * gets its own copy of the stream from Next and counts it, stopping at the limit.
 */
export async function oversizedBodyResponse(request: Request, pathname: string): Promise<Response | null> {
  const actionId = request.headers.get('next-action');
  const limit = bodyLimitFor(pathname, actionId ? { id: actionId, takesUploads: isUploadAction(actionId) } : null);
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    const bytes = Number(declared);
    return Number.isFinite(bytes) && bytes > limit.bytes ? refuse(request, pathname, limit) : null;
  }
  if (!request.body) return null;
  const reader = request.body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return null;
    size += value.byteLength;
    if (size > limit.bytes) {
      reader.cancel().catch(() => {});
      return refuse(request, pathname, limit);
    }
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { UPLOAD_ACTIONS } from '@/lib/http/body-limits';

/**
 * Which server action ids (the `Next-Action` header) belong to the upload actions. Next names actions by a hash,
 * and its build writes the id → file and export in .next/server/server-reference-manifest.json; read it once.
 * Unknown ids (a stale page after a deploy, a made-up header) count as small actions.
 */
type Manifest = { node?: Record<string, { filename?: string; exportedName?: string }> };

let uploadIds: Set<string> | null = null;
let readAt = 0;

/** `next build` writes .next/server; `next dev` (Next 16) builds into .next/dev. */
const manifestFile = () =>
  path.join(process.cwd(), '.next', ...(process.env.NODE_ENV === 'production' ? [] : ['dev']), 'server', 'server-reference-manifest.json');

function load(): Set<string> {
  const wanted = new Set<string>(UPLOAD_ACTIONS);
  const ids = new Set<string>();
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestFile(), 'utf8')) as Manifest;
    for (const [id, entry] of Object.entries(manifest.node ?? {})) {
      if (wanted.has(`${entry.filename}#${entry.exportedName}`)) ids.add(id);
    }
  } catch {
    // No build yet (next dev before the first compile): every action is small until it is there.
  }
  return ids;
}

export function isUploadAction(id: string): boolean {
  // `next dev` compiles actions as pages are opened: look again (at most once a second) for an id not seen yet.
  const stale = !uploadIds || (process.env.NODE_ENV !== 'production' && !uploadIds.has(id) && Date.now() - readAt > 1000);
  if (stale) {
    uploadIds = load();
    readAt = Date.now();
  }
  return uploadIds!.has(id);
}

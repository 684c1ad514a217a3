/**
 * Upload file names are shown to people and put in a Content-Disposition header; they never reach the
 * file system (storage keys are random). A name that tries to climb folders is refused outright, so
 * the sender learns why, rather than silently renamed.
 */
export const MAX_FILE_NAME_LENGTH = 180;

export type FileNameCheck = { ok: true; name: string } | { ok: false; message: string };

// Control characters (C0, DEL, C1) and the bidi overrides that make "gpj.exe" read as "exe.jpg".
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function checkFileName(raw: string): FileNameCheck {
  if (/[\\/]/.test(raw) || raw.split(/[\\/]/).includes('..') || raw.trim() === '..' || raw.trim() === '.') {
    return { ok: false, message: `"${raw.slice(0, 60)}" is not a plain file name: names cannot contain folders, "/" or "..". Rename the file and try again.` };
  }
  let name = raw.replace(UNSAFE_CHARACTERS, '').replace(/\s+/g, ' ').trim();
  if (name.length > MAX_FILE_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_FILE_NAME_LENGTH - ext.length) + ext;
  }
  if (!name || /^\.+$/.test(name)) return { ok: false, message: 'The file needs a name. Rename it and try again.' };
  return { ok: true, name };
}

/** `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback and the exact name for modern browsers. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

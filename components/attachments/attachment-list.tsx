import { Paperclip } from 'lucide-react';
import { formatBytes } from '@/lib/attachments/limits';

export interface AttachmentLink {
  id: number;
  fileName: string;
  sizeBytes: number;
}

/** A message's files: name, size and a download link (`hrefBase` + id: staff and portal routes differ). */
export function AttachmentList({ files, hrefBase }: { files: readonly AttachmentLink[]; hrefBase: string }) {
  if (files.length === 0) return null;
  return (
    <ul className="mt-3 flex flex-wrap gap-2" aria-label="Attached files" data-testid="attachments">
      {files.map((f) => (
        <li key={f.id}>
          <a
            href={`${hrefBase}/${f.id}`}
            download={f.fileName}
            className="inline-flex max-w-full items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-800 hover:border-brand-500 hover:text-brand-800 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <Paperclip aria-hidden className="size-3.5 shrink-0" />
            <span className="truncate">{f.fileName}</span>
            <span className="shrink-0 text-xs text-slate-500">{formatBytes(f.sizeBytes)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

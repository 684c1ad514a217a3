import type { BoardScope } from '@/server/queries/boards/scope';
import { exportHref } from './export-links';

/** "Download CSV" for one table, shown only to those who may export (`export:run`). */
export function ExportLink({ scope, board, table, query }: { scope: BoardScope; board: string; table: string; query: string }) {
  if (!scope.canExport) return null;
  return (
    <a className="text-brand-700 hover:underline" href={exportHref(board, table, query)} download>
      Download CSV
    </a>
  );
}

/** The CSV of one board table, with the board's filters (`query` is the page's own "?…" string). */
export function exportHref(board: string, table: string, query: string): string {
  const search = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  search.set('board', board);
  search.set('table', table);
  return `/api/v1/export/board?${search.toString()}`;
}

/** Per-ticket metrics of the board's range and filters. */
export function ticketsExportHref(query: string): string {
  return `/api/v1/export/tickets${query}`;
}

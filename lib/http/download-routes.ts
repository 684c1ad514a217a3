/**
 * Routes that answer with a file (attachments, CSV exports). They keep their own strict policy: nothing in
 * the file may load, run or frame anything, even if a browser renders it instead of saving it. proxy.ts puts
 * the page policy on every other response, and must not put it here (it would replace this one).
 */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

const DOWNLOAD_ROUTES = [
  /^\/api\/attachments\/[^/]+$/,
  /^\/api\/portal\/attachments\/[^/]+$/,
  /^\/api\/portal\/track\/[^/]+\/attachments\/[^/]+$/,
  /^\/api\/v1\/export(\/|$)/,
];

export const isDownloadRoute = (pathname: string) => DOWNLOAD_ROUTES.some((route) => route.test(pathname));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package directory at run time;
  // bundling it breaks every query ("The path argument must be of type string … URL").
  serverExternalPackages: ['@electric-sql/pglite', 'pino', 'pg-boss', 'pg', 'nodemailer'],
  poweredByHeader: false,
  experimental: {
    // One limit for every server action, so it is the upload actions' (5 files of 10 MB, plus the form):
    // proxy.ts refuses every other action's body over 1 MB, and routes by their own limits
    // (lib/http/body-limits.ts, UPLOAD_BODY_LIMIT).
    serverActions: { bodySizeLimit: '55mb' },
    // Next hands proxy.ts at most this much of a body and silently truncates the rest: one MB more than the
    // largest limit, so a chunked body past 55 MB is seen as too large rather than cut off.
    proxyClientMaxBodySize: '56mb',
  },
};

export default nextConfig;

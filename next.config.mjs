/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package directory at run time;
  // bundling it breaks every query ("The path argument must be of type string … URL").
  serverExternalPackages: ['@electric-sql/pglite', 'pino', 'pg-boss', 'pg', 'nodemailer'],
  poweredByHeader: false,
  experimental: {
    // A message takes up to 5 attachments of 10 MB each, and a 1,000-ticket import is a few MB: allow
    // both, with headroom for multipart overhead, so an oversized file reaches the server and gets a
    // field error instead of a dropped request. proxy.ts would otherwise silently truncate at 10 MB.
    serverActions: { bodySizeLimit: '55mb' },
    proxyClientMaxBodySize: '55mb',
  },
};

export default nextConfig;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package directory at run time;
  // bundling it breaks every query ("The path argument must be of type string … URL").
  serverExternalPackages: ['@electric-sql/pglite', 'pino', 'pg-boss', 'pg', 'nodemailer'],
  poweredByHeader: false,
  experimental: {
    // Attachments go up to 10 MB each and a 1,000-ticket import is a few MB: allow both,
    // with headroom for multipart overhead. proxy.ts would otherwise silently truncate at 10 MB.
    serverActions: { bodySizeLimit: '12mb' },
    proxyClientMaxBodySize: '25mb',
  },
};

export default nextConfig;

import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with status 403.
  experimental: {
    authInterrupts: true,
    // Imports may be up to 5 MB; the engine refuses anything larger with a clear message.
    serverActions: { bodySizeLimit: "8mb" },
  },
  serverExternalPackages: ["better-sqlite3", "argon2"],
};

export default withNextIntl(nextConfig);

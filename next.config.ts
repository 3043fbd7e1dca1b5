import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";
import { MAX_PHOTO_BYTES } from "./lib/media/limits";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with status 403.
  experimental: {
    authInterrupts: true,
    // Imports may be up to 5 MB; the engine refuses anything larger with a clear message.
    serverActions: { bodySizeLimit: "8mb" },
    // proxy.ts sees every request, and Next holds a copy of its body for it, 10 MB by default:
    // past that the route handler silently gets a cut body. A photo upload (POST /api/media) is
    // up to MAX_PHOTO_BYTES; the route refuses anything larger from its Content-Length first.
    proxyClientMaxBodySize: MAX_PHOTO_BYTES + 1024 * 1024,
  },
  // Native (better-sqlite3, argon2, sharp's libvips) and WebAssembly (heic-decode's libheif, in a worker thread: services/media/decode.ts) modules load at run time.
  serverExternalPackages: ["better-sqlite3", "argon2", "sharp", "heic-decode"],
  // Metadata (title, canonical, Open Graph) always in the head, whoever asks: by default Next
  // streams it to browsers behind a script, and a reader's page is kept without scripts and served
  // to every client alike (lib/http/public-page-server.ts).
  htmlLimitedBots: /./,
  // Static files and anything proxy.ts does not see get the request-independent headers here;
  // proxy.ts adds the nonce-based Content-Security-Policy and HSTS to everything it sees.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default withNextIntl(nextConfig);

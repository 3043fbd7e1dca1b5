import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";
import { ACTION_BODY_BYTES, LARGEST_BODY_BYTES } from "./lib/limits";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with status 403.
  experimental: {
    authInterrupts: true,
    // The limits of lib/limits.ts: scripts/serve.ts refuses a larger body with 413 before Next
    // sees it, so these only matter behind another server (next dev). The proxy (proxy.ts) is
    // given every body whole, so a route never reads one cut at the proxy's default 10 MB.
    serverActions: { bodySizeLimit: ACTION_BODY_BYTES },
    proxyClientMaxBodySize: LARGEST_BODY_BYTES,
  },
  // Native (better-sqlite3, argon2, sharp's libvips) and WebAssembly (heic-decode's libheif, in a worker thread: services/media/decode.ts) modules load at run time;
  // pdf.js (lib/pdf) loads its worker module at run time.
  serverExternalPackages: ["better-sqlite3", "argon2", "sharp", "heic-decode", "pdfjs-dist"],
  // Metadata (title, canonical, Open Graph) always in the head, whoever asks: by default Next
  // streams it to browsers behind a script, and a reader's page is kept without scripts and served
  // to every client alike (lib/http/public-page-server.ts).
  htmlLimitedBots: /./,
  // Static files and anything proxy.ts does not see get the request-independent headers here;
  // proxy.ts adds the nonce-based Content-Security-Policy and HSTS to everything it sees.
  // Browsers ask for /favicon.ico on a document that names no icon (the feed or the sitemap
  // opened in a tab): they get the site's icon, not a 404 in their console.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default withNextIntl(nextConfig);

/**
 * How every Chromium of ours starts (the Playwright suite and the benchmarks): no sandbox (CI
 * runs as root), no GPU, no /dev/shm (small in containers) and no background traffic.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

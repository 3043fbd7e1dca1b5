import fs from "node:fs";
import { chromium, type Browser } from "@playwright/test";

/** Chromium as playwright.config.ts launches it: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const file = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(file)) throw new Error(`no Chromium at ${file}: install Debian's chromium or set CHROMIUM_PATH`);
  return file;
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

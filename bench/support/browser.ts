import fs from "node:fs";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../e2e/support/chromium";

/** Chromium as playwright.config.ts launches it: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const file = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(file)) throw new Error(`no Chromium at ${file}: install Debian's chromium or set CHROMIUM_PATH`);
  return file;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

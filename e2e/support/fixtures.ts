import fs from "node:fs";
import path from "node:path";
import { expect, test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./db";

export { expect };

/** The seeded demo accounts (password folio-demo), by the name before @folio.local. */
export type DemoAccount = "admin" | "editor" | "editor2" | "reviewer" | "reviewer2";

/** Signs in through the real form (zh-CN, the default interface language), as a person would. */
export async function signIn(page: Page, email: string, password: string, { expectDesk = true } = {}) {
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  if (expectDesk) await expect(page).toHaveURL(/\/desk/);
}

/**
 * A console error or uncaught page error seen during a test: its text, the URL it is about (the
 * failed resource, or the page) and whether that URL is the page's own document.
 */
export type BrowserError = { kind: "console" | "pageerror"; text: string; url: string; document: boolean };

/**
 * Errors any test may cause, each with the reason it is harmless. Anything else a browser logs
 * as an error fails the test: hydration mismatches, uncaught exceptions, failed loads of
 * scripts, styles, icons or API calls.
 */
const HARMLESS: readonly { is: (e: BrowserError) => boolean; why: string }[] = [
  {
    is: (e) => e.kind === "console" && e.document && /^Failed to load resource: the server responded with a status of 4\d\d /.test(e.text),
    why: "a test that opens a page to see it refused (403), missing (404) or withdrawn (410): the browser logs the status of the document itself, which is what the test asserts",
  },
];

type TestFixtures = {
  /** `test.use({ signedInAs: "editor" })`: the test's own `page` (and `context`) start signed in as that demo account. */
  signedInAs: DemoAccount | null;
  /**
   * `test.use({ expectedBrowserErrors: [/…/] })`: errors this spec causes on purpose, matched
   * against "text url" (e.g. the 409 of a refused stale save, the 401 of a wrong password). Say why beside it.
   */
  expectedBrowserErrors: RegExp[];
  /**
   * Collects console errors and page errors from every browser context of the test; the test
   * fails on any not expected. `browserErrors.expect(/…/)` inside a test expects one there only.
   */
  browserErrors: { seen: BrowserError[]; expect: (pattern: RegExp) => void };
  /** A page in a browser context of its own, signed in as a demo account: for stories with several people. */
  pageAs: (account: DemoAccount) => Promise<Page>;
};

type WorkerFixtures = {
  /** The stored sign-in (cookies) of a demo account: made once per worker through the real form, then reused. */
  demoSession: (account: DemoAccount) => Promise<string>;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  demoSession: [
    async ({ browser }, provide, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      const dir = path.join(process.env.FOLIO_E2E_DIR ?? workerInfo.project.outputDir, "sessions", String(workerInfo.workerIndex));
      fs.mkdirSync(dir, { recursive: true });
      const made = new Map<DemoAccount, Promise<string>>();
      await provide((account) => {
        let file = made.get(account);
        if (!file) {
          file = signInOnce(browser, baseURL, account, path.join(dir, `${account}.json`));
          made.set(account, file);
        }
        return file;
      });
    },
    { scope: "worker" },
  ],
  signedInAs: [null, { option: true }],
  expectedBrowserErrors: [[], { option: true }],
  browserErrors: [
    async ({ browser, expectedBrowserErrors }, provide) => {
      const errors: BrowserError[] = [];
      const expected = [...expectedBrowserErrors];
      const watch = (context: BrowserContext) => {
        context.on("console", (message) => {
          if (message.type() !== "error") return;
          const page = message.page()?.url() ?? "";
          const url = message.location().url || page;
          errors.push({ kind: "console", text: message.text(), url, document: url === page });
        });
        context.on("weberror", (error) => {
          const page = error.page()?.url() ?? "";
          errors.push({ kind: "pageerror", text: String(error.error()?.stack ?? error.error()), url: page, document: true });
        });
      };
      // Every context the test opens, however it opens it (the page fixture, pageAs, browser.newContext in a spec).
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
        const context = await newContext(...args);
        watch(context);
        return context;
      };
      try {
        await provide({ seen: errors, expect: (pattern) => void expected.push(pattern) });
      } finally {
        browser.newContext = newContext;
      }
      const unexpected = errors.filter((e) => !HARMLESS.some((h) => h.is(e)) && !expected.some((p) => p.test(`${e.text} ${e.url}`)));
      expect(unexpected, "errors in the browser console (see e2e/support/fixtures.ts to expect one on purpose)").toEqual([]);
    },
    { auto: true },
  ],
  storageState: async ({ signedInAs, demoSession, storageState }, provide) => {
    await provide(signedInAs ? await demoSession(signedInAs) : storageState);
  },
  pageAs: async ({ browser, demoSession }, provide) => {
    const opened: Awaited<ReturnType<Browser["newContext"]>>[] = [];
    await provide(async (account) => {
      const context = await browser.newContext({ storageState: await demoSession(account) });
      opened.push(context);
      return context.newPage();
    });
    for (const context of opened) await context.close();
  },
});

async function signInOnce(browser: Browser, baseURL: string | undefined, account: DemoAccount, file: string): Promise<string> {
  // Empty storage on purpose: inside a file with test.use({ signedInAs }), new contexts would
  // otherwise start with that account's cookies, and the sign-in page would send them on.
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    await signIn(await context.newPage(), `${account}@folio.local`, DEMO_PASSWORD);
    await context.storageState({ path: file });
    return file;
  } finally {
    await context.close();
  }
}

/** next-auth answers a refused sign-in (wrong password, throttled, deactivated) with 401 to the form's request. */
export const REFUSED_SIGN_IN = /status of 401 .*\/api\/auth\/callback\/credentials$/;

/** A photo upload refused (not a photo Folio takes, too large, broken): the 4xx the bad-file stories cause on purpose. */
export const REFUSED_UPLOAD = /status of 4\d\d .*\/api\/media$/;

/** The workbench's autosave refused as stale: the 409 the stale-save stories cause on purpose. */
export const REFUSED_STALE_WORK = /status of 409 .*\/api\/imports\/\d+\/work$/;

export function deskNav(page: Page) {
  return page.getByRole("navigation", { name: "编辑部导航" });
}

/** The page's own error message (Next.js also keeps an empty route announcer with role=alert). */
export function pageAlert(page: Page) {
  return page.locator("main").getByRole("alert");
}

/** Switches the interface to English with the header's language buttons, as a person would. */
export async function switchToEnglish(page: Page) {
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

/** A full-page screenshot kept with the test's output, to look at as a user would. */
export async function keepScreenshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

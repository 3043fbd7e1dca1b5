import fs from "node:fs";
import path from "node:path";
import { expect, test as base, type Browser, type Page } from "@playwright/test";
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

type TestFixtures = {
  /** `test.use({ signedInAs: "editor" })`: the test's own `page` (and `context`) start signed in as that demo account. */
  signedInAs: DemoAccount | null;
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

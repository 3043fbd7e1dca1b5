import { createTestUser } from "./support/db";
import { expect, pageAlert, signIn, test, REFUSED_SIGN_IN } from "./support/fixtures";
import { signInRaw } from "./support/http";

// 100 characters, 130 bytes in UTF-8: far past bcrypt's 72-byte cut, which argon2 does not have.
const PASSPHRASE = ("荣昌报 newsroom passphrase, long enough to outlast any 72-byte limit; 夜班编辑 ".repeat(2)).slice(0, 99) + "Z";

test("a 100-character passphrase signs in, and the same one without its last character does not", async ({ page, baseURL, browserErrors }) => {
  browserErrors.expect(REFUSED_SIGN_IN); // the passphrase without its last character is refused
  expect([...PASSPHRASE]).toHaveLength(100);
  expect(Buffer.byteLength(PASSPHRASE)).toBeGreaterThan(72);
  const user = await createTestUser("editor", PASSPHRASE);

  await signIn(page, user.email, PASSPHRASE.slice(0, -1), { expectDesk: false });
  await expect(pageAlert(page)).toHaveText("邮箱或密码不正确。");
  await expect(page).toHaveURL(/\/login/);

  // Differing only in the 90th character (beyond byte 72) is a different password too.
  const changedLate = PASSPHRASE.slice(0, 89) + (PASSPHRASE[89] === "x" ? "y" : "x") + PASSPHRASE.slice(90);
  const late = await signInRaw(baseURL!, user.email, changedLate);
  expect(late).toMatchObject({ signedIn: false, error: "CredentialsSignin" });

  await signIn(page, user.email, PASSPHRASE);
  await expect(page).toHaveURL(/\/desk/);
});

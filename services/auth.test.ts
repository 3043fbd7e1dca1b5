import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries } from "@/db/queries/audit";
import { createUser, getUserByEmail, updateUser } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { SIGNIN_ERROR } from "@/lib/auth/signin-errors";
import { authorizeCredentials } from "./auth";

afterAll(removeTemporaryDatabase);

const PASSWORD = "a perfectly fine passphrase";

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  createUser({ email: "Editor@Paper.cn", name: "E", role: "editor", passwordHash });
  createUser({ email: "gone@paper.cn", name: "G", role: "editor", passwordHash });
  updateUser({ id: getUserByEmail({ email: "gone@paper.cn" })!.id, changes: { active: false }, endSessions: true });
  createUser({ email: "locked@paper.cn", name: "L", role: "editor", passwordHash });
});

describe("credentials sign-in", () => {
  it("accepts the right password, with the email in any case", async () => {
    const user = await authorizeCredentials({ email: " editor@PAPER.cn ", password: PASSWORD }, "10.0.0.1");
    expect(user?.email).toBe("editor@paper.cn");
    const { rows } = listAuditEntries({ action: "auth.signin.success", page: 1, pageSize: 10 });
    expect(rows[0]?.ip).toBe("10.0.0.1");
  });

  it("gives the same answer for an unknown email, a wrong password and a deactivated user", async () => {
    expect(await authorizeCredentials({ email: "nobody@paper.cn", password: PASSWORD }, null)).toBeNull();
    expect(await authorizeCredentials({ email: "editor@paper.cn", password: "wrong password!!" }, null)).toBeNull();
    expect(await authorizeCredentials({ email: "gone@paper.cn", password: PASSWORD }, null)).toBeNull();
    const { rows } = listAuditEntries({ action: "auth.signin.failure", page: 1, pageSize: 10 });
    expect(rows.map((r) => r.detail?.reason).sort()).toEqual(["deactivated", "unknown_email", "wrong_password"]);
  });

  it("refuses malformed input without throwing", async () => {
    expect(await authorizeCredentials(undefined, null)).toBeNull();
    expect(await authorizeCredentials({ email: "", password: "" }, null)).toBeNull();
    expect(await authorizeCredentials({ email: "x@y.z", password: "p".repeat(10_000) }, null)).toBeNull();
  });

  it("throttles after five failures, even for the right password, and records the refusal", async () => {
    for (let i = 0; i < 5; i++) {
      expect(await authorizeCredentials({ email: "locked@paper.cn", password: `wrong ${i} attempt` }, `10.0.0.${i}`)).toBeNull();
    }
    await expect(authorizeCredentials({ email: "locked@paper.cn", password: PASSWORD }, "10.9.9.9")).rejects.toThrow(
      SIGNIN_ERROR.throttled,
    );
    // An unknown email is throttled the same way, so throttling reveals nothing.
    for (let i = 0; i < 5; i++) await authorizeCredentials({ email: "ghost@paper.cn", password: "nope nope nope" }, null);
    await expect(authorizeCredentials({ email: "ghost@paper.cn", password: "nope" }, null)).rejects.toThrow(SIGNIN_ERROR.throttled);
    expect(listAuditEntries({ action: "auth.signin.throttled", page: 1, pageSize: 10 }).total).toBe(2);
  });
});

describe("parallel guesses", () => {
  it("cannot get past the throttle by racing: at most five are checked", async () => {
    const email = "race@paper.cn";
    createUser({ email, name: "R", role: "editor", passwordHash: await hashPassword(PASSWORD) });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => authorizeCredentials({ email, password: `guess number ${i}` }, null)),
    );
    const refused = results.filter((r) => r.status === "rejected").length;
    expect(refused).toBeGreaterThanOrEqual(15);
  });
});

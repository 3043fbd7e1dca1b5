import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./connection";
import { onlyRow } from "./raw";
import { sections } from "./schema";

/* The async transactions on SQLite (db/README.md): serialized on the writer, invisible to readers until committed. */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-engine-"));
const db = openDatabase(path.join(dir, "folio.db"));
afterAll(async () => {
  await db.$close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const pause = () => new Promise((r) => setTimeout(r, 5));
const positionOf = async (id: number) => onlyRow(await db.select({ position: sections.position }).from(sections).where(eq(sections.id, id))).position;

describe("async transactions on SQLite", () => {
  it("never interleave: a read-modify-write in each of 20 concurrent transactions loses no update", async () => {
    const { id } = onlyRow(await db.insert(sections).values({ slug: "counter", name: "计数" }).returning({ id: sections.id }));
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction(async (tx) => {
          const [row] = await tx.select({ position: sections.position }).from(sections).where(eq(sections.id, id));
          // Yield between the read and the write: another transaction would step in here if it could.
          await pause();
          await tx.update(sections).set({ position: row!.position + 1 }).where(eq(sections.id, id));
        }),
      ),
    );
    expect(await positionOf(id)).toBe(20);
  });

  it("shows readers outside the transaction only what is committed, and rolls back whole", async () => {
    const { id } = onlyRow(await db.insert(sections).values({ slug: "uncommitted", name: "未提交", position: 1 }).returning({ id: sections.id }));
    let written!: () => void;
    const hasWritten = new Promise<void>((r) => (written = r));
    let readDone!: () => void;
    const hasRead = new Promise<void>((r) => (readDone = r));
    const failing = db.transaction(async (tx) => {
      await tx.update(sections).set({ position: 99 }).where(eq(sections.id, id));
      written();
      await hasRead;
      throw new Error("changed my mind");
    });
    // Another request, reading while the transaction is open.
    await hasWritten;
    const seenDuring = await positionOf(id);
    readDone();
    await expect(failing).rejects.toThrow("changed my mind");
    expect(seenDuring).toBe(1);
    expect(await positionOf(id)).toBe(1);
  });

  it("makes a write outside any transaction wait for the one in progress", async () => {
    const { id } = onlyRow(await db.insert(sections).values({ slug: "queued", name: "排队", position: 0 }).returning({ id: sections.id }));
    const order: string[] = [];
    const transaction = db.transaction(async (tx) => {
      await tx.update(sections).set({ position: 1 }).where(eq(sections.id, id));
      await pause();
      order.push("transaction");
    });
    const single = db
      .update(sections)
      .set({ position: 2 })
      .where(eq(sections.id, id))
      .then(() => order.push("single write"));
    await Promise.all([transaction, single]);
    expect(order).toEqual(["transaction", "single write"]);
    expect(await positionOf(id)).toBe(2);
  });

  it("runs a nested transaction as a savepoint: its failure undoes only its own writes", async () => {
    const { id } = onlyRow(await db.insert(sections).values({ slug: "nested", name: "嵌套", position: 0 }).returning({ id: sections.id }));
    await db.transaction(async (tx) => {
      await tx.update(sections).set({ position: 1 }).where(eq(sections.id, id));
      await expect(
        tx.transaction(async (inner) => {
          await inner.update(sections).set({ position: 2 }).where(eq(sections.id, id));
          throw new Error("inner");
        }),
      ).rejects.toThrow("inner");
    });
    expect(await positionOf(id)).toBe(1);
  });
});

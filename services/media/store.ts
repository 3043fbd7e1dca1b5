import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

/*
 * The media folder on disk (MEDIA_DIR; lib/media/paths.ts says what goes where). Files are named by
 * their content and written once: a write goes to a temporary file that is synced and then renamed
 * into place, so a name on disk always holds whole bytes, whatever crashes, and two processes
 * writing the same name write the same bytes. Private to the server (0700/0600): originals keep
 * their GPS tags.
 */

export type MediaStore = {
  readonly dir: string;
  absolute: (rel: string) => string;
  /** Writes the file unless it is there already (same name, same content). */
  put: (rel: string, bytes: Buffer) => Promise<void>;
  read: (rel: string) => Promise<Buffer>;
  exists: (rel: string) => boolean;
};

export function mediaStore(dir: string = env().mediaDir): MediaStore {
  const absolute = (rel: string) => {
    const full = path.resolve(dir, rel);
    // Names come from hashes, never from people; this only guards against a bug.
    if (!full.startsWith(path.resolve(dir) + path.sep)) throw new Error(`media path outside the media folder: ${rel}`);
    return full;
  };
  return {
    dir,
    absolute,
    exists: (rel) => fs.existsSync(absolute(rel)),
    read: (rel) => fsp.readFile(absolute(rel)),
    put: async (rel, bytes) => {
      const target = absolute(rel);
      if (fs.existsSync(target)) return;
      await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const partial = `${target}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
      const handle = await fsp.open(partial, "wx", 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await fsp.rename(partial, target);
      } catch (e) {
        await fsp.rm(partial, { force: true });
        throw e;
      }
    },
  };
}

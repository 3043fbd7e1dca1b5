import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it, vi } from "vitest";
import { getMediaById, listMediaFiles } from "@/db/queries/media";
import { aUser } from "@/db/testing/builders";
import { env } from "@/lib/env";
import { decompressionBombPng, generatedPhoto } from "@/lib/media/generated-photos";
import { filePath, originalPath } from "@/lib/media/paths";
import { PhotoRefused } from "@/lib/media/refusals";
import { kickMediaJobs } from "./jobs";
import { addPhoto, cleanFileName } from "./library";

// Each test encodes a photo into nine files (AVIF, WebP, JPEG): about 3 s here alone, more
// beside the other test files on two shared cores, past vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000 });

afterAll(removeTemporaryDatabase);

const editor = await aUser({ role: "editor" });
const mediaDir = () => env().mediaDir;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

describe("adding a photo to the library", () => {
  it("keeps the original untouched, answers before the sizes exist, and the queue makes them off the request path", async () => {
    const bytes = await generatedPhoto({ seed: 11, width: 1000, height: 750, exif: { gps: { latitude: 29.4, longitude: 105.6 } } });
    const { media, duplicate } = await addPhoto({ bytes, fileName: "C:\\photos\\会场.jpg", caption: "图为会场。记者 张三 摄", uploadedById: editor.id });
    expect(duplicate).toBe(false);
    expect(media).toMatchObject({ status: "processing", format: "jpeg", width: 1000, height: 750, fileName: "会场.jpg", caption: "图为会场。", credit: "记者 张三 摄", photographers: ["张三"], alt: "" });
    const original = path.join(mediaDir(), originalPath(media.sha256, "jpeg"));
    expect(fs.readFileSync(original).equals(bytes)).toBe(true);
    expect(fs.statSync(original).mode & 0o077).toBe(0);

    await kickMediaJobs();
    expect((await getMediaById({ id: media.id }))?.status).toBe("ready");
    const files = await listMediaFiles({ mediaId: media.id });
    expect(files.map((f) => `${f.width} ${f.format}`)).toEqual(["480 avif", "480 jpeg", "480 webp", "960 avif", "960 jpeg", "960 webp", "1000 avif", "1000 jpeg", "1000 webp"]);
    for (const f of files) {
      const served = fs.readFileSync(path.join(mediaDir(), filePath(f.name)));
      expect(served.length).toBe(f.bytes);
      expect((await sharp(served).metadata()).exif).toBeUndefined();
    }
    // The archive copy still has everything it came with.
    expect((await sharp(fs.readFileSync(original)).metadata()).exif).toBeDefined();
  });

  it("recognises the same file uploaded again", async () => {
    const bytes = await generatedPhoto({ seed: 12, width: 400, height: 300 });
    const first = await addPhoto({ bytes, uploadedById: editor.id });
    const again = await addPhoto({ bytes, fileName: "copy.jpg", uploadedById: editor.id });
    expect(again.duplicate).toBe(true);
    expect(again.media.id).toBe(first.media.id);
    await kickMediaJobs();
  });

  it("stores nothing at all for a refused file", async () => {
    const before = filesUnder(mediaDir());
    for (const bytes of [decompressionBombPng(), Buffer.from("<svg onload='alert(1)'></svg>"), Buffer.from("not a photo")]) {
      await expect(addPhoto({ bytes, uploadedById: editor.id })).rejects.toBeInstanceOf(PhotoRefused);
    }
    expect(filesUnder(mediaDir())).toEqual(before);
  });

  it("keeps a file name without its folders or control characters", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("照片\u0000\n.jpg")).toBe("照片.jpg");
    expect(cleanFileName("")).toBeNull();
  });
});

import fs from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";
import exifReader from "exif-reader";
import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import { decompressionBombPng, generatedPhoto, truncatedJpeg } from "@/lib/media/generated-photos";
import { RENDITION_FORMATS } from "@/lib/media/limits";
import { PhotoRefused } from "@/lib/media/refusals";
import { isMediaFileName } from "@/lib/media/urls";
import { decodeHeic } from "./decode";
import { inspectPhoto } from "./inspect";
import { makeRenditions } from "./renditions";

// Each test encodes a photo into nine files (AVIF, WebP, JPEG): about 3 s here alone, more
// beside the other test files on two shared cores, past vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000 });

/**荣昌区政府 (29.40° N, 105.59° E), to the hundredth of a second. */
const RONGCHANG = { latitude: 29.4047, longitude: 105.5945 };

async function refusal(bytes: Buffer): Promise<string> {
  try {
    await inspectPhoto(bytes);
  } catch (e) {
    if (e instanceof PhotoRefused) return e.code;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("the sizes made for readers", () => {
  it("carry no metadata at all, though the upload carried GPS tags, a camera make and the time taken", async () => {
    const upload = await generatedPhoto({ seed: 3, width: 2000, height: 1500, exif: { gps: RONGCHANG, takenAt: "2024:03:07 15:20:00", make: "GPS-Cam" } });
    // The upload really does carry them.
    const tags = exifReader((await sharp(upload).metadata()).exif!);
    expect(tags.GPSInfo?.GPSLatitude).toEqual([29, 24, 16.92]);
    expect(tags.Image?.Make).toBe("GPS-Cam");

    const renditions = await makeRenditions(upload, "jpeg");
    expect(renditions.map((r) => `${r.format} ${r.width}x${r.height}`)).toEqual(
      [480, 960, 1600].flatMap((w) => RENDITION_FORMATS.map((f) => `${f} ${w}x${(w * 3) / 4}`)),
    );
    for (const r of renditions) {
      const meta = await sharp(r.data).metadata();
      expect(meta.exif, `${r.name} EXIF`).toBeUndefined();
      expect(meta.xmp, `${r.name} XMP`).toBeUndefined();
      expect(meta.iptc, `${r.name} IPTC`).toBeUndefined();
      expect(meta.icc, `${r.name} ICC`).toBeUndefined();
      // Not even the bytes: no EXIF block, no GPS tag, no camera name anywhere in the file.
      expect(r.data.includes("Exif\0")).toBe(false);
      expect(r.data.includes("GPS-Cam")).toBe(false);
      expect(isMediaFileName(r.name)).toBe(true);
      expect(r.bytes).toBe(r.data.length);
    }
  });

  it("are upright: a phone photo held sideways (EXIF orientation 6) is turned, not shown on its side", async () => {
    const upload = await generatedPhoto({ seed: 4, width: 1200, height: 900, exif: { orientation: 6 } });
    expect(await inspectPhoto(upload)).toMatchObject({ format: "jpeg", width: 900, height: 1200 });
    const renditions = await makeRenditions(upload, "jpeg");
    expect(renditions.map((r) => [r.width, r.height])).toContainEqual([480, 640]);
    expect(renditions.every((r) => r.height > r.width)).toBe(true);
  });

  it("are made of a phone's HEIC photo too (HEVC, which sharp alone cannot decode)", async () => {
    const upload = fs.readFileSync(path.join(__dirname, "../../e2e/fixtures/phone-photo.heic"));
    expect(await inspectPhoto(upload)).toMatchObject({ format: "heic", width: 640, height: 480 });
    const renditions = await makeRenditions(upload, "heic");
    expect(renditions.map((r) => `${r.format} ${r.width}x${r.height}`)).toEqual(["avif 480x360", "webp 480x360", "jpeg 480x360", "avif 640x480", "webp 640x480", "jpeg 640x480"]);
  });

  it("decode a HEIC on a thread of its own: the server's event loop keeps turning meanwhile", async () => {
    const upload = fs.readFileSync(path.join(__dirname, "../../e2e/fixtures/phone-photo.heic"));
    // libheif is WebAssembly and decodes synchronously: on this thread no timer would fire until it is done.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const decoded = await decodeHeic(upload);
    clearInterval(timer);
    expect(decoded.threadId).not.toBe(threadId);
    expect([decoded.width, decoded.height, decoded.data.length]).toEqual([640, 480, 640 * 480 * 4]);
    expect(ticks).toBeGreaterThan(3);
    await expect(decodeHeic(upload.subarray(0, 600))).rejects.toThrow(/HEIC/);
  });

  it("are never larger than the photo, and are named by their own content", async () => {
    const upload = await generatedPhoto({ seed: 5, width: 700, height: 500, format: "png" });
    const renditions = await makeRenditions(upload, "png");
    expect([...new Set(renditions.map((r) => r.width))]).toEqual([480, 700]);
    expect(new Set(renditions.map((r) => r.name)).size).toBe(renditions.length);
    expect(await makeRenditions(upload, "png")).toEqual(renditions);
  });
});

describe("inspecting an upload", () => {
  it("reads the format, the upright size and when the photo was taken (camera time in Beijing)", async () => {
    const upload = await generatedPhoto({ seed: 6, width: 640, height: 480, format: "webp" });
    expect(await inspectPhoto(upload)).toEqual({ format: "webp", width: 640, height: 480, takenAt: null });
    const dated = await generatedPhoto({ seed: 6, width: 640, height: 480, exif: { takenAt: "2024:03:07 15:20:00" } });
    expect((await inspectPhoto(dated)).takenAt?.toISOString()).toBe("2024-03-07T07:20:00.000Z");
  });

  it("refuses what is not a photo Folio takes, before anything is stored", async () => {
    expect(await refusal(Buffer.alloc(0))).toBe("empty");
    expect(await refusal(Buffer.from("这不是图片，是一段文字。"))).toBe("not_image");
    expect(await refusal(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBe("svg");
    expect(await refusal(await sharp({ create: { width: 40, height: 40, channels: 3, background: "#888" } }).gif().toBuffer())).toBe("unsupported");
    expect(await refusal(await truncatedJpeg())).toBe("corrupt");
    expect(await refusal(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]))).toBe("corrupt");
    // A phone's HEIC cut short in transfer: refused now, not left for the processing job to fail.
    const heic = fs.readFileSync(path.join(__dirname, "../../e2e/fixtures/phone-photo.heic"));
    expect(await refusal(heic.subarray(0, heic.length - 100))).toBe("corrupt");
    expect(await refusal(decompressionBombPng())).toBe("too_many_pixels");
    expect(await refusal(await generatedPhoto({ width: 12, height: 12 }))).toBe("too_small");
    expect(await refusal(Buffer.alloc(25 * 1024 * 1024 + 1))).toBe("too_large");
  });
});

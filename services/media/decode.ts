import "server-only";
import { Worker } from "node:worker_threads";
import sharp, { type Sharp } from "sharp";
import type { PhotoFormat } from "@/lib/media/formats";
import { MAX_PHOTO_PIXELS } from "@/lib/media/limits";

/*
 * Opening a photo's pixels with sharp. sharp's prebuilt libvips reads JPEG, PNG, WebP and AVIF
 * itself, but not HEVC-coded HEIC (patents keep that decoder out of it): heic-decode (libheif
 * compiled to WebAssembly) turns those into pixels first. libheif applies the file's own rotation,
 * so a HEIC comes out upright, as sharp's rotate() makes the others.
 */

/**
 * heic-decode runs in a worker thread of its own. WebAssembly decodes synchronously on the thread
 * that calls it: on the server's main thread a 12-megapixel phone photo held every reader's request
 * for 1–2 s (and loading libheif itself for 0.2 s). The worker hands back the pixels without a copy.
 * It is started per photo (HEIC uploads are few) and loads heic-decode from the app's folder, the
 * working directory, as the migrations are found (db/connection.ts).
 */
const HEIC_WORKER = `
const { parentPort, workerData, threadId } = require("node:worker_threads");
require("heic-decode")({ buffer: workerData }).then(
  (image) => parentPort.postMessage({ width: image.width, height: image.height, data: image.data, threadId }, [image.data.buffer]),
  (error) => parentPort.postMessage({ error: String((error && error.message) || error) }),
);
`;

export type DecodedHeic = { width: number; height: number; data: Uint8ClampedArray; /** The thread that decoded it (tests). */ threadId: number };

export function decodeHeic(bytes: Buffer): Promise<DecodedHeic> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HEIC_WORKER, { eval: true, workerData: bytes });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.once("message", (m: DecodedHeic | { error: string }) => settle(() => ("error" in m ? reject(new Error(`HEIC: ${m.error}`)) : resolve(m))));
    worker.once("error", (e) => settle(() => reject(e)));
    worker.once("exit", (code) => settle(() => reject(new Error(`HEIC decoder stopped (exit ${code})`))));
  });
}

/**
 * A sharp pipeline over the photo's pixels, refusing to decode more than MAX_PHOTO_PIXELS
 * (a decompression bomb) and failing on damaged data rather than showing half a picture.
 */
export async function openPhoto(bytes: Buffer, format: PhotoFormat): Promise<Sharp> {
  if (format === "heic") {
    const image = await decodeHeic(bytes);
    return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
      raw: { width: image.width, height: image.height, channels: 4 },
      limitInputPixels: MAX_PHOTO_PIXELS,
    });
  }
  return sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "error", sequentialRead: true });
}

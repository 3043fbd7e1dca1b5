import { describe, expect, it } from "vitest";
import { isoBoxesComplete, isPhotoFormat, sniffFormat } from "./formats";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** An ISO base media file's first box: size, "ftyp", major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => bytes([0, 0, 0, 16 + 4 * compatible.length], "ftyp", major, [0, 0, 0, 0], ...compatible);

describe("sniffFormat", () => {
  it("knows the photo formats by their signatures, not their names", () => {
    expect(sniffFormat(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffFormat(bytes("\x89PNG\r\n\x1a\n", [0, 0]))).toBe("png");
    expect(sniffFormat(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("webp");
    expect(sniffFormat(ftyp("avif", "mif1", "miaf"))).toBe("avif");
    expect(sniffFormat(ftyp("mif1", "mif1", "avif"))).toBe("avif");
    expect(sniffFormat(ftyp("heic", "mif1", "heic"))).toBe("heic");
    expect(sniffFormat(ftyp("mif1", "mif1", "heic"))).toBe("heic");
  });

  it("names what it refuses: SVG (however it starts), GIF, TIFF, BMP, PDF", () => {
    expect(sniffFormat(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBe("svg");
    expect(sniffFormat(new TextEncoder().encode('\uFEFF<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg>'))).toBe("svg");
    expect(sniffFormat(bytes("GIF89a", [1, 0]))).toBe("gif");
    expect(sniffFormat(bytes("II*", [0]))).toBe("tiff");
    expect(sniffFormat(bytes("BM", [0, 0]))).toBe("bmp");
    expect(sniffFormat(bytes("%PDF-1.7"))).toBe("pdf");
  });

  it("is null for text, videos and nothing at all", () => {
    expect(sniffFormat(bytes("这不是图片".repeat(3)))).toBeNull();
    expect(sniffFormat(bytes("<html><body>"))).toBeNull();
    expect(sniffFormat(ftyp("isom", "isom", "mp41"))).toBeNull();
    expect(sniffFormat(new Uint8Array())).toBeNull();
  });

  it("tells photo formats from the rest", () => {
    expect(isPhotoFormat("heic")).toBe(true);
    expect(isPhotoFormat("svg")).toBe(false);
    expect(isPhotoFormat(null)).toBe(false);
  });
});

describe("isoBoxesComplete", () => {
  const box = (type: string, payload: number) => bytes([0, 0, (8 + payload) >> 8, (8 + payload) & 255], type, Array<number>(payload).fill(7));
  const whole = Uint8Array.from([...ftyp("heic", "mif1", "heic"), ...box("meta", 20), ...box("mdat", 300)]);

  it("holds when the top-level boxes end exactly at the end of the file", () => {
    expect(isoBoxesComplete(whole)).toBe(true);
    // The last box may say "to the end of the file" (size 0).
    expect(isoBoxesComplete(Uint8Array.from([...ftyp("heic"), ...bytes([0, 0, 0, 0], "mdat", Array<number>(50).fill(1))]))).toBe(true);
  });

  it("fails for a file cut short, one with bytes after its last box, and nonsense sizes", () => {
    expect(isoBoxesComplete(whole.subarray(0, whole.length - 1))).toBe(false);
    expect(isoBoxesComplete(whole.subarray(0, whole.length - 305))).toBe(false);
    expect(isoBoxesComplete(Uint8Array.from([...whole, 1, 2, 3]))).toBe(false);
    expect(isoBoxesComplete(bytes([0, 0, 0, 4], "ftyp"))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { decodeInput, MAX_INPUT_BYTES } from "./decode";
import { IngestError } from "./errors";
import { ingest, toContractJson } from "./index";

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

function refusal(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error("expected an IngestError");
}

describe("decodeInput", () => {
  it("reads UTF-8 without and with BOM", () => {
    expect(decodeInput(utf8("荣昌报"))).toEqual({ text: "荣昌报", encoding: "utf-8" });
    expect(decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("荣昌报")]))).toEqual({ text: "荣昌报", encoding: "utf-8-bom" });
  });

  it("reads UTF-16 LE and BE with BOM", () => {
    expect(decodeInput(utf16("荣昌报 A", false))).toEqual({ text: "荣昌报 A", encoding: "utf-16le" });
    expect(decodeInput(utf16("荣昌报 A", true))).toEqual({ text: "荣昌报 A", encoding: "utf-16be" });
  });

  it("reads GB18030/GBK bytes", () => {
    // 荣昌 = C8 D9 B2 FD, 报 = B1 A8, then ASCII "2024"
    const bytes = new Uint8Array([0xc8, 0xd9, 0xb2, 0xfd, 0xb1, 0xa8, 0x32, 0x30, 0x32, 0x34]);
    expect(decodeInput(bytes)).toEqual({ text: "荣昌报2024", encoding: "gb18030" });
    expect(ingest(bytes).encoding).toBe("gb18030");
  });

  it("refuses binary input, naming the NUL offset", () => {
    const bytes = utf8("abcdefghijkl\0\0\0mnop");
    const e = refusal(() => decodeInput(bytes));
    expect(e.code).toBe("binary");
    expect(e.message).toBe("input looks binary (NUL bytes at offset 12)");
  });

  it("takes a page's text with a few NULs (glyphs pdf.js could not name) and keeps them out of the articles", () => {
    const page = `区图书馆延长开放时间\n\n本报讯（记者 张雪）${"图书馆从下月起延长开放时间，每晚开放到十点。".repeat(12)}\u0000市民可凭借书证入馆。\n`;
    const bytes = utf8(page);
    expect(decodeInput(bytes).text).toBe(page);
    const seg = ingest(bytes);
    expect(seg.text).not.toContain("\u0000");
    expect(JSON.stringify(toContractJson(seg))).not.toContain("\\u0000");
    // Many NULs, or more than one in 200 bytes, still mean binary data or UTF-16 without its BOM.
    expect(refusal(() => decodeInput(utf8(page.replace(/。/g, "。\u0000")))).code).toBe("binary");
    expect(refusal(() => decodeInput(new Uint8Array([0x41, 0, 0x42, 0, 0x43, 0]))).code).toBe("binary");
  });

  it("refuses text full of control characters", () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(refusal(() => decodeInput(bytes)).code).toBe("binary");
  });

  it("refuses undecodable bytes", () => {
    const bytes = new Uint8Array([0x41, 0xff, 0xfe, 0xfd, 0x80, 0x81, 0xff, 0x42]);
    const e = refusal(() => decodeInput(bytes));
    expect(e.code).toBe("undecodable");
    expect(e.message).toMatch(/neither UTF-8/);
  });

  it("refuses inputs over 5 MB, bytes or string", () => {
    const big = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x41);
    const e = refusal(() => decodeInput(big));
    expect(e.code).toBe("too_large");
    expect(e.message).toMatch(/limit is 5\.0 MB/);
    expect(refusal(() => ingest("荣".repeat(Math.ceil(MAX_INPUT_BYTES / 3) + 1))).code).toBe("too_large");
    expect(() => decodeInput(new Uint8Array(MAX_INPUT_BYTES).fill(0x41))).not.toThrow();
  });

  it("lets the benchmark lift the limit", () => {
    const big = new Uint8Array(MAX_INPUT_BYTES + 10).fill(0x41);
    expect(decodeInput(big, { maxBytes: Infinity }).text.length).toBe(MAX_INPUT_BYTES + 10);
  });

  it("refuses empty and whitespace-only input", () => {
    for (const input of [new Uint8Array(0), utf8(" \n\t\r\n"), utf8("\u3000\u200b\ufeff\n")]) {
      const e = refusal(() => decodeInput(input));
      expect(e.code).toBe("empty");
      expect(e.message).toBe("input is empty");
    }
    expect(refusal(() => ingest("  \u00a0\n")).code).toBe("empty");
  });
});

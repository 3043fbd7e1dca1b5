import { describe, expect, it } from "vitest";
import { childText, parseXml } from "./parse-xml";

// The feed tests lean on this reader rejecting bad XML, so it is tested first.
describe("parseXml (test helper)", () => {
  it("reads a well-formed document with namespaces and entities", () => {
    const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n<a xmlns:n="urn:x"><n:b k='v &amp; w'>1 &lt; 2 &#x4E2D;&#25991;</n:b><c/></a>\n`);
    expect(root.name).toBe("a");
    expect(childText(root, "n:b")).toBe("1 < 2 中文");
  });

  it.each([
    ["mismatched tags", "<a><b></a></b>"],
    ["unclosed", "<a><b></b>"],
    ["raw <", "<a>1 < 2</a>"],
    ["bare &", "<a>A & B</a>"],
    ["unknown entity", "<a>&nbsp;</a>"],
    ["unquoted attribute", "<a k=v></a>"],
    ["duplicate attribute", `<a k="1" k="2"></a>`],
    ["< in attribute", `<a k="<"></a>`],
    ["control character", "<a>\u0001</a>"],
    ["lone surrogate", "<a>\uD800</a>"],
    ["U+FFFF", "<a>\uFFFF</a>"],
    ["undeclared prefix", "<a><n:b/></a>"],
    ["two roots", "<a/><b/>"],
    ["CDATA", "<a><![CDATA[x]]></a>"],
    ["]]> in text", "<a>]]></a>"],
  ])("rejects %s", (_, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});

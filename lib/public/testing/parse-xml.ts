/**
 * A small, strict XML 1.0 reader for tests: it throws on anything that is not
 * well-formed (unbalanced or mismatched tags, raw < or & in text, unknown
 * entities, unquoted or duplicate attributes, characters XML forbids, undeclared
 * namespace prefixes, content after the root). Comments, CDATA, DOCTYPE and
 * processing instructions other than the declaration are rejected too: our
 * renderers never emit them.
 */

export type XmlElement = { name: string; attrs: Record<string, string>; children: (XmlElement | string)[] };

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;
const INVALID_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string, at: number): string {
  if (raw.includes("<")) throw new Error(`raw "<" at ${at}`);
  return raw.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare "&" at ${at}`);
    const named = PREDEFINED[ref];
    if (named !== undefined) return named;
    const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
    if (!num) throw new Error(`unknown entity ${whole} at ${at}`);
    const cp = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
    const ch = String.fromCodePoint(cp);
    if (INVALID_CHAR.test(ch)) throw new Error(`entity for a forbidden character ${whole}`);
    return ch;
  });
}

export function parseXml(src: string): XmlElement {
  const bad = INVALID_CHAR.exec(src);
  if (bad) throw new Error(`forbidden character U+${bad[0].codePointAt(0)?.toString(16)} at ${bad.index}`);
  let i = 0;
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>/.exec(src);
  if (decl) i = decl[0].length;
  const skipSpace = () => {
    while (i < src.length && /[ \t\r\n]/.test(src[i] ?? "")) i++;
  };
  const expect = (s: string) => {
    if (!src.startsWith(s, i)) throw new Error(`expected ${JSON.stringify(s)} at ${i}`);
    i += s.length;
  };
  const readName = () => {
    const m = NAME.exec(src.slice(i));
    if (!m) throw new Error(`expected a name at ${i}`);
    i += m[0].length;
    return m[0];
  };

  const checkPrefix = (name: string, scopes: Set<string>[]) => {
    const colon = name.indexOf(":");
    if (colon < 0 || name.startsWith("xmlns:")) return;
    const prefix = name.slice(0, colon);
    if (!scopes.some((s) => s.has(prefix))) throw new Error(`undeclared namespace prefix ${prefix}`);
  };

  const readElement = (scopes: Set<string>[]): XmlElement => {
    expect("<");
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      const hadSpace = /[ \t\r\n]/.test(src[i] ?? "");
      skipSpace();
      if (src.startsWith("/>", i) || src.startsWith(">", i)) break;
      if (!hadSpace) throw new Error(`expected space before attribute at ${i}`);
      const attr = readName();
      skipSpace();
      expect("=");
      skipSpace();
      const quote = src[i];
      if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attr} at ${i}`);
      const close = src.indexOf(quote, i + 1);
      if (close < 0) throw new Error(`unterminated attribute ${attr}`);
      if (attr in attrs) throw new Error(`duplicate attribute ${attr}`);
      attrs[attr] = decode(src.slice(i + 1, close), i);
      i = close + 1;
    }
    const declared = new Set(Object.keys(attrs).filter((k) => k.startsWith("xmlns:")).map((k) => k.slice(6)));
    const inScope = [...scopes, declared];
    checkPrefix(name, inScope);
    for (const k of Object.keys(attrs)) checkPrefix(k, inScope);
    if (src.startsWith("/>", i)) {
      i += 2;
      return { name, attrs, children: [] };
    }
    expect(">");
    const children: (XmlElement | string)[] = [];
    for (;;) {
      const lt = src.indexOf("<", i);
      if (lt < 0) throw new Error(`unclosed <${name}>`);
      const text = src.slice(i, lt);
      if (text.includes("]]>")) throw new Error(`"]]>" in text at ${i}`);
      if (text !== "") children.push(decode(text, i));
      i = lt;
      if (src.startsWith("</", i)) {
        i += 2;
        const end = readName();
        if (end !== name) throw new Error(`</${end}> closes <${name}>`);
        skipSpace();
        expect(">");
        return { name, attrs, children };
      }
      if (src.startsWith("<!", i) || src.startsWith("<?", i)) throw new Error(`comment/CDATA/PI at ${i}`);
      children.push(readElement(inScope));
    }
  };

  skipSpace();
  const root = readElement([]);
  skipSpace();
  if (i !== src.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && (name === undefined || c.name === name));
}

export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}

/** The text of the only `name` child; throws when there is none or more than one. */
export function childText(el: XmlElement, name: string): string {
  const found = childElements(el, name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${el.name}>, found ${found.length}`);
  return textOf(found[0] as XmlElement);
}

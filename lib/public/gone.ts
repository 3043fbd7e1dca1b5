import { escapeXml } from "./xml";

export type GonePageOptions = {
  /** The interface language of the page (<html lang>). */
  lang: string;
  siteName: string;
  title: string;
  message: string;
  links: readonly { href: string; label: string }[];
};

/**
 * The whole HTML document answered with 410 Gone for an article that was
 * public and has been taken down. It is a plain string because App Router
 * pages cannot answer 410 (notFound/forbidden/unauthorized are the only status
 * fallbacks), so proxy.ts sends it before routing. No script, no external
 * stylesheet; every value is escaped.
 */
export function renderGonePage(opts: GonePageOptions): string {
  const e = escapeXml;
  const links = opts.links.map((l) => `<li><a href="${e(l.href)}">${e(l.label)}</a></li>`).join("");
  return `<!DOCTYPE html>
<html lang="${e(opts.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(opts.title)} · ${e(opts.siteName)}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1a1a1a;background:#fbfaf7;line-height:1.7}
header,main{max-width:40rem;margin:0 auto;padding:1rem}
header a{font-family:"Songti SC","SimSun","Noto Serif CJK SC",serif;font-size:1.75rem;font-weight:700;color:#a4161a;text-decoration:none}
h1{font-size:1.5rem}
a{color:#a4161a}
a:focus-visible{outline:2px solid #a4161a;outline-offset:2px}
ul{padding-left:1.25rem}
</style>
</head>
<body>
<header><a href="/">${e(opts.siteName)}</a></header>
<main>
<h1>${e(opts.title)}</h1>
<p>${e(opts.message)}</p>
<ul>${links}</ul>
</main>
</body>
</html>
`;
}

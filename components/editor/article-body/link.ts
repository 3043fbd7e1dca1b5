import { isAllowedHref } from "@/lib/article-body/validate";

/**
 * What an editor typed into the link prompt, completed the way they meant it:
 * "news@example.cn" becomes mailto:, "www.example.cn/x" becomes https://. Null when the
 * result is still not a link the body may hold (the server would refuse the save).
 */
export function completeHref(input: string): string | null {
  const value = input.trim();
  let href = value;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith("/")) {
    if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(value)) href = `mailto:${value}`;
    else if (/^[^\s/:@]+\.[^\s/:@]+/.test(value)) href = `https://${value}`;
  }
  return isAllowedHref(href) ? href : null;
}

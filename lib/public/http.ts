/**
 * True when an If-None-Match header names this entity tag, so a 304 may be
 * sent. Comparison is weak (RFC 9110 §13.1.2): W/"x" and "x" match; "*" matches anything.
 */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = strip(etag);
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || strip(tag) === wanted);
}

/**
 * A download's Content-Disposition: the name in ASCII for old clients and in UTF-8 (RFC 5987)
 * for the rest, so "荣昌报-第1版.pdf" arrives as itself and nothing in it can break the header.
 */
export function contentDisposition(fileName: string, kind: "attachment" | "inline" = "attachment"): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Only same-site paths may be a post-sign-in destination (no open redirect). */
export function safeCallbackPath(value: string | null | undefined, fallback = "/desk"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}

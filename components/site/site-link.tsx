import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * The public site's links: client-side navigation without prefetching. Every public page
 * is rendered per request, and Next's viewport prefetch turned one article view into about
 * 16 extra requests costing the server five times the page itself (measured with
 * bench/public.ts); a click fetches its page then.
 */
export function SiteLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}

import { renderPictureHtml } from "@/lib/article-body";
import type { PublicPhoto } from "@/lib/media/picture";

/**
 * A story's lead photo in a list, cropped to 3:2 around its focal point. The box has its size
 * before the picture arrives (nothing moves), and only the first picture on a page loads at once:
 * the rest wait until the reader scrolls near them. Decorative here: the headline beside it names
 * the story, so the picture's alt text would only repeat it to a screen reader.
 */
export function StoryPicture({ photo, sizes, eager = false, className = "" }: { photo: PublicPhoto; sizes: string; eager?: boolean; className?: string }) {
  const html = renderPictureHtml({ ...photo, alt: "" }, { sizes, eager, crop: true });
  if (html === "") return null;
  return <div aria-hidden="true" className={`story-picture ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

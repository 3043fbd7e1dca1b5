import "server-only";
import { DEMO_PHOTOS } from "@/db/seed/demo-photos";
import { generatedPhoto } from "@/lib/media/generated-photos";
import { kickMediaJobs } from "./jobs";
import { addPhoto } from "./library";

/**
 * The demo issue's photos, drawn now (the same pictures every time) and added to the library as an
 * upload would add them; resolves once their sizes are made. Media ids by DEMO_PHOTOS key.
 */
export async function addDemoPhotos({ uploadedById }: { uploadedById: number }): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const photo of DEMO_PHOTOS) {
    const bytes = await generatedPhoto({ seed: photo.seed, width: photo.width, height: photo.height, grain: 12, quality: 90 });
    const { media } = await addPhoto({ bytes, fileName: `demo-${photo.key}.jpg`, caption: photo.caption, credit: photo.credit, alt: photo.alt, uploadedById });
    ids.set(photo.key, media.id);
  }
  await kickMediaJobs();
  return ids;
}

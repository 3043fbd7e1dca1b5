import { describe, expect, it } from "vitest";
import { RENDITION_FORMATS, renditionWidths } from "./limits";
import { objectPosition, planPicture, shareImage, type PhotoRendition, type PublicPhoto } from "./picture";

function photoOf(width: number, height: number): PublicPhoto {
  const renditions: PhotoRendition[] = renditionWidths(width).flatMap((w) =>
    RENDITION_FORMATS.map((format) => ({ format, width: w, height: Math.round((w * height) / width), bytes: w * 10, url: `/media/${format}${w}.${format}` })),
  );
  return { id: 1, alt: "图为项目全景", credit: "记者 张三 摄", width, height, focalX: 0.3, focalY: 0.25, renditions };
}

describe("renditionWidths", () => {
  it("makes the standard widths a photo covers and never enlarges", () => {
    expect(renditionWidths(4000)).toEqual([480, 960, 1600]);
    expect(renditionWidths(1600)).toEqual([480, 960, 1600]);
    expect(renditionWidths(1200)).toEqual([480, 960, 1200]);
    expect(renditionWidths(700)).toEqual([480, 700]);
    expect(renditionWidths(300)).toEqual([300]);
  });
});

describe("planPicture", () => {
  it("offers AVIF, then WebP, with JPEG as the fallback, each with every width", () => {
    const plan = planPicture(photoOf(4000, 3000), { sizes: "100vw" })!;
    expect(plan.sources).toEqual([
      { type: "image/avif", srcset: "/media/avif480.avif 480w, /media/avif960.avif 960w, /media/avif1600.avif 1600w" },
      { type: "image/webp", srcset: "/media/webp480.webp 480w, /media/webp960.webp 960w, /media/webp1600.webp 1600w" },
    ]);
    expect(plan.img).toMatchObject({
      src: "/media/jpeg960.jpeg",
      srcset: "/media/jpeg480.jpeg 480w, /media/jpeg960.jpeg 960w, /media/jpeg1600.jpeg 1600w",
      sizes: "100vw",
      alt: "图为项目全景",
      loading: "lazy",
      decoding: "async",
    });
  });

  it("reserves the photo's proportions, so nothing moves when it loads", () => {
    const { img } = planPicture(photoOf(3000, 4000), { sizes: "100vw" })!;
    expect(img.width / img.height).toBeCloseTo(3 / 4, 2);
    expect(planPicture(photoOf(700, 467), { sizes: "100vw" })!.img).toMatchObject({ width: 700, height: 467 });
  });

  it("loads a lead photo at once and first, and crops a thumbnail around the focal point", () => {
    expect(planPicture(photoOf(4000, 3000), { sizes: "100vw", eager: true })!.img).toMatchObject({ loading: "eager", fetchPriority: "high" });
    expect(planPicture(photoOf(4000, 3000), { sizes: "7rem", crop: true })!.img.objectPosition).toBe("30% 25%");
    expect(objectPosition(-1, 2)).toBe("0% 100%");
  });

  it("is null for a photo with nothing processed yet", () => {
    expect(planPicture({ ...photoOf(4000, 3000), renditions: [] }, { sizes: "100vw" })).toBeNull();
  });

  it("shares the largest JPEG", () => {
    expect(shareImage(photoOf(4000, 3000))?.url).toBe("/media/jpeg1600.jpeg");
  });
});

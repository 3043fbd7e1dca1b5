import fs from "node:fs";
import path from "node:path";
import exifReader from "exif-reader";
import sharp from "sharp";
import { decompressionBombPng, generatedPhoto, truncatedJpeg } from "../lib/media/generated-photos";
import { auditActions } from "./support/db";
import { expect, REFUSED_UPLOAD, test } from "./support/fixtures";
import { mediaByFileName, mediaFilesOnDisk, mediaRow, mediaRowCount } from "./support/photos";

const GPS = { latitude: 29.4047, longitude: 105.5945 };

test.describe("an editor uploads photos", () => {
  test.use({ signedInAs: "editor" });

  test("several at once with the file chooser: progress, then ready; served without their GPS tags", async ({ page }, info) => {
    const dir = info.outputPath();
    fs.mkdirSync(dir, { recursive: true });
    const files = {
      "村口合影.jpg": await generatedPhoto({ seed: 501, width: 2400, height: 1600, exif: { gps: GPS, takenAt: "2024:03:07 09:30:00", make: "GPS-Cam" } }),
      "夏布工坊.png": await generatedPhoto({ seed: 502, width: 1200, height: 900, format: "png" }),
    };
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
    fs.copyFileSync(path.join(__dirname, "fixtures", "phone-photo.heic"), path.join(dir, "手机照片.heic"));
    // The upload really carries a position.
    expect(exifReader((await sharp(files["村口合影.jpg"]).metadata()).exif!).GPSInfo?.GPSLatitude).toEqual([29, 24, 16.92]);

    await page.goto("/desk/media");
    await page.getByText("选择照片").click();
    await page.locator('input[type="file"]').setInputFiles(["村口合影.jpg", "夏布工坊.png", "手机照片.heic"].map((f) => path.join(dir, f)));
    const progress = page.getByRole("list", { name: "上传进度" });
    await expect(progress.getByRole("listitem")).toHaveCount(3);
    for (const name of ["村口合影.jpg", "夏布工坊.png", "手机照片.heic"]) {
      await expect(progress.getByRole("listitem").filter({ hasText: name })).toContainText("已就绪", { timeout: 30_000 });
      await expect(progress.getByRole("progressbar", { name })).toHaveAttribute("value", "100");
    }

    const row = (await mediaByFileName("村口合影.jpg"))!;
    const jpegId = row.id;
    expect(row).toMatchObject({ status: "ready", width: 2400, height: 1600, format: "jpeg" });
    expect(await mediaByFileName("手机照片.heic")).toMatchObject({ status: "ready", format: "heic", width: 640, height: 480 });
    // The library's grid follows without a reload: each photo's picture once it is ready.
    const grid = page.getByRole("list", { name: "图片库" });
    for (const id of [jpegId, (await mediaByFileName("夏布工坊.png"))!.id, (await mediaByFileName("手机照片.heic"))!.id]) {
      await expect(grid.locator(`a[href="/desk/media/${id}"] img`)).toBeVisible();
    }
    await expect(grid.getByText("处理中")).toHaveCount(0);
    // The sizes readers get carry no metadata at all; the original in the archive keeps it.
    expect(row.takenAt?.toISOString()).toBe("2024-03-07T01:30:00.000Z");
    const served = await page.request.get(`/api/media/${jpegId}/preview`);
    expect(served.status()).toBe(200);
    const meta = await sharp(await served.body()).metadata();
    expect(meta.exif).toBeUndefined();
    expect((await served.body()).includes("GPS-Cam")).toBe(false);
    const original = await page.request.get(`/api/media/${jpegId}/original`);
    expect(exifReader((await sharp(await original.body()).metadata()).exif!).GPSInfo?.GPSLatitude).toEqual([29, 24, 16.92]);
  });

  test("by drag and drop onto the library", async ({ page }) => {
    const bytes = await generatedPhoto({ seed: 503, width: 1000, height: 700 });
    await page.goto("/desk/media");
    const dataTransfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], "拖进来的照片.jpg", { type: "image/jpeg" }));
      return dt;
    }, [...bytes]);
    const zone = page.getByTestId("photo-drop-zone");
    await zone.dispatchEvent("dragover", { dataTransfer });
    await zone.dispatchEvent("drop", { dataTransfer });
    await expect(page.getByRole("list", { name: "上传进度" }).getByRole("listitem").filter({ hasText: "拖进来的照片.jpg" })).toContainText("已就绪", { timeout: 30_000 });
  });

  test("captions, credits and alt text: the credit is read for its photographers, alt is prefilled from the caption, the focal point is set by a click", async ({ page }) => {
    await page.goto("/desk");
    const upload = await page.request.post("/api/media", { data: await generatedPhoto({ seed: 504, width: 1600, height: 1000 }), headers: { "x-file-name": "x.jpg" } });
    const { photo } = (await upload.json()) as { photo: { id: number } };
    await expect.poll(async () => (await mediaRow(photo.id))?.status, { timeout: 30_000 }).toBe("ready");
    await page.goto(`/desk/media/${photo.id}`);
    await page.getByLabel("图片说明").fill("图为濑溪河畔的春耕现场。");
    await page.getByLabel("署名").fill("记者 张三 通讯员 李四 摄");
    await expect(page.getByText("摄影：张三、李四")).toBeVisible();
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();
    await page.reload();
    // No alt text yet: the form offers the caption, for a person to check.
    await expect(page.getByLabel("替代文字")).toHaveValue("图为濑溪河畔的春耕现场。");
    await expect(page.getByText("已按图片说明预填，请核对、修改后保存。")).toBeVisible();
    expect((await mediaRow(photo.id))?.alt).toBe("");
    await page.getByLabel("替代文字").fill("农民在河边的田里插秧");
    const picture = page.getByRole("application", { name: "焦点" });
    const box = (await picture.boundingBox())!;
    await picture.click({ position: { x: box.width * 0.25, y: box.height * 0.75 } });
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();
    const row = (await mediaRow(photo.id))!;
    expect(row).toMatchObject({ caption: "图为濑溪河畔的春耕现场。", credit: "记者 张三 通讯员 李四 摄", photographers: ["张三", "李四"], alt: "农民在河边的田里插秧" });
    expect(row.focalX).toBeCloseTo(0.25, 1);
    expect(row.focalY).toBeCloseTo(0.75, 1);

    // Found by words of its caption and of its credit, and by the day it was uploaded.
    await page.goto("/desk/media?q=濑溪河");
    await expect(page.locator(`a[href="/desk/media/${photo.id}"]`).first()).toBeVisible();
    await page.goto("/desk/media?q=李四");
    await expect(page.locator(`a[href="/desk/media/${photo.id}"]`).first()).toBeVisible();
    await page.goto("/desk/media?q=濑溪河&to=2020-01-01");
    await expect(page.getByText("没有符合条件的照片。")).toBeVisible();
  });

  test("bad files get a clear message and nothing is stored", async ({ page, browserErrors }, info) => {
    browserErrors.expect(REFUSED_UPLOAD); // each bad file is refused by the server, as it should be
    const dir = info.outputPath();
    fs.mkdirSync(dir, { recursive: true });
    const bad: Record<string, [Buffer, RegExp]> = {
      "脚本.svg": [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'), /不收 SVG 文件：SVG 可以带脚本/],
      "改了名的文字.jpg": [Buffer.from("这其实是一段文字，不是照片。".repeat(20)), /这不是图片文件。只收 JPEG, PNG, WEBP, HEIC, AVIF 格式的照片。/],
      "炸弹.png": [decompressionBombPng(), /图片像素太多（20000×20000），超过 100 百万像素，可能是恶意文件，未保存。/],
      "传了一半.jpg": [await truncatedJpeg(), /文件已损坏或不完整/],
      "传了一半的手机照片.heic": [fs.readFileSync(path.join(__dirname, "fixtures", "phone-photo.heic")).subarray(0, 4000), /文件已损坏或不完整/],
      "动图.gif": [await sharp({ create: { width: 40, height: 40, channels: 3, background: "#999" } }).gif().toBuffer(), /不收 GIF 格式/],
    };
    for (const [name, [bytes]] of Object.entries(bad)) fs.writeFileSync(path.join(dir, name), bytes);
    const rows = await mediaRowCount();
    const files = mediaFilesOnDisk();

    await page.goto("/desk/media");
    await page.locator('input[type="file"]').setInputFiles(Object.keys(bad).map((f) => path.join(dir, f)));
    const progress = page.getByRole("list", { name: "上传进度" });
    for (const [name, [, message]] of Object.entries(bad)) {
      await expect(progress.getByRole("listitem").filter({ hasText: name }).getByRole("alert")).toHaveText(message, { timeout: 20_000 });
    }
    // A refused file has no bar saying "all sent" beside its message.
    await expect(progress.getByRole("progressbar")).toHaveCount(0);
    expect(await mediaRowCount()).toBe(rows);
    expect(mediaFilesOnDisk()).toEqual(files);
    expect((await auditActions({ action: "media.refused", actorEmail: "editor@folio.local" })).length).toBeGreaterThanOrEqual(6);

    // Over 25 MB: the page says so before sending; the server refuses it from its length alone.
    const huge = Buffer.alloc(25 * 1024 * 1024 + 1, 0xff);
    const res = await page.request.post("/api/media", { data: huge, headers: { "x-file-name": "huge.jpg" } });
    expect(res.status()).toBe(413);
    expect((await res.json()).message).toBe("文件超过 25 MB，请压缩后再上传。");
    expect(await mediaRowCount()).toBe(rows);
    expect(mediaFilesOnDisk()).toEqual(files);
  });
});

test("a reviewer may not upload: a clear refusal, nothing stored", async ({ pageAs }) => {
  const page = await pageAs("reviewer");
  const rows = await mediaRowCount();
  const res = await page.request.post("/api/media", { data: await generatedPhoto({ seed: 505, width: 400, height: 300 }), headers: { "x-file-name": "a.jpg" } });
  expect(res.status()).toBe(403);
  expect((await res.json()).message).toBe("您没有权限执行此操作。");
  expect(await mediaRowCount()).toBe(rows);
  expect((await page.goto("/desk/media"))?.status()).toBe(403);
});

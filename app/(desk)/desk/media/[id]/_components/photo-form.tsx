"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FocalPointPicker } from "@/components/media/focal-point-picker";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { captionAndCredit, parseCredit } from "@/lib/media/credit";
import { updatePhotoAction } from "../../actions";

type Photo = {
  id: number;
  version: number;
  caption: string;
  credit: string;
  photographers: string[];
  alt: string;
  focalX: number;
  focalY: number;
  width: number;
  height: number;
  ready: boolean;
};

/**
 * A photo's caption, credit, alt text and focal point. Alt text is prefilled from the caption
 * (without its credit) when it has none, for the person to check and save: it is never written
 * for them.
 */
export function PhotoForm({ photo }: { photo: Photo }) {
  const t = useTranslations("media.detail");
  const router = useRouter();
  const focalId = useId();
  const prefilled = photo.alt.trim() === "" && photo.caption.trim() !== "";
  const [values, setValues] = useState({
    caption: photo.caption,
    credit: photo.credit,
    alt: prefilled ? captionAndCredit({ caption: photo.caption }).caption : photo.alt,
    focalX: photo.focalX,
    focalY: photo.focalY,
  });
  const [version, setVersion] = useState(photo.version);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const photographers = parseCredit(values.credit)?.photographers ?? [];

  // Alt text may stay empty while a photo is being described; an article showing it cannot be published so.
  const save = async () => {
    setSaving(true);
    const result = await updatePhotoAction({ id: photo.id, baseVersion: version, ...values });
    setSaving(false);
    setMessage({ ok: result.ok, text: result.message });
    setFieldErrors(result.ok ? {} : (result.fieldErrors ?? {}));
    if (result.ok) {
      setVersion(result.version);
      router.refresh();
    }
  };

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {photo.ready ? (
        <div className="flex flex-col gap-1">
          <FocalPointPicker
            src={`/api/media/${photo.id}/preview`}
            width={photo.width}
            height={photo.height}
            x={values.focalX}
            y={values.focalY}
            label={t("focal")}
            describedBy={focalId}
            onChange={(focalX, focalY) => setValues((v) => ({ ...v, focalX, focalY }))}
          />
          <p id={focalId} className="text-xs text-stone-600">
            {t("focalHint")} {t("focalValue", { x: Math.round(values.focalX * 100), y: Math.round(values.focalY * 100) })}
          </p>
        </div>
      ) : null}
      <TextAreaField
        id="photo-caption"
        label={t("caption")}
        value={values.caption}
        onChange={(e) => setValues((v) => ({ ...v, caption: e.target.value }))}
        hint={t("captionHint")}
        className="min-h-20"
      />
      <Field
        id="photo-credit"
        label={t("credit")}
        value={values.credit}
        onChange={(e) => setValues((v) => ({ ...v, credit: e.target.value }))}
        hint={photographers.length > 0 ? `${t("creditHint")} ${t("photographers", { names: photographers.join("、") })}` : t("creditHint")}
        error={fieldErrors.credit}
      />
      <TextAreaField
        id="photo-alt"
        label={t("alt")}
        value={values.alt}
        onChange={(e) => setValues((v) => ({ ...v, alt: e.target.value }))}
        hint={
          <>
            {t("altHint")} {prefilled ? <strong className="text-amber-900">{t("altPrefilled")}</strong> : null}
          </>
        }
        error={fieldErrors.alt}
      />
      {message ? <Notice tone={message.ok ? "success" : "error"}>{message.text}</Notice> : null}
      <div>
        <Button type="submit" disabled={saving}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

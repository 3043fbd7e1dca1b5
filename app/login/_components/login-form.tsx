"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { readSigninError } from "@/lib/auth/signin-errors";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const t = useTranslations("login");
  const message = (error: string) => {
    const read = readSigninError(error);
    if (read.kind !== "throttled" || read.waitSeconds === null) return t(read.kind);
    // Under two minutes in seconds, else in whole minutes rounded up, so the wait is never understated.
    const s = read.waitSeconds;
    return s < 120 ? t("throttledSeconds", { seconds: s }) : t("throttledMinutes", { minutes: Math.ceil(s / 60) });
  };
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      // A full load, so every server component sees the new session cookie.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(result?.error ?? "error");
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error ? <Notice tone="error">{message(error)}</Notice> : null}
      <Field id="email" name="email" type="email" label={t("email")} autoComplete="username" required />
      <Field id="password" name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { createTranslator } from "next-intl";
import { listUnsentNotices, markNoticeEmailed, type UnsentNotice } from "@/db/queries/notifications";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";

/*
 * Notifications by e-mail, when SMTP_URL names a server (off by default). The notices table is
 * the outbox: each notice is written with its workflow step, and this job sends the ones not yet
 * e-mailed, then marks them. A server that is down only delays them (they are tried again on the
 * next tick); notices older than a day are not sent at all.
 */

/** What the job needs of a transport: nodemailer's, or a test's. */
export type MailTransport = Pick<Transporter, "sendMail">;

const MAX_AGE_MS = 24 * 60 * 60 * 1000;

const holder = globalThis as unknown as { folioMailTransport?: Transporter; folioMailSending?: boolean };

/** The configured SMTP transport, or null when e-mail is off. */
export function configuredTransport(): MailTransport | null {
  const { SMTP_URL } = env();
  if (!SMTP_URL) return null;
  holder.folioMailTransport ??= nodemailer.createTransport(SMTP_URL);
  return holder.folioMailTransport;
}

const translators = {
  "zh-CN": createTranslator({ locale: "zh-CN", messages: zhCN, namespace: "notifications" }),
  en: createTranslator({ locale: "en", messages: en, namespace: "notifications" }),
};

/** Subject and text of one notice: the paper's language first, English below it. */
export function noticeMail(notice: UnsentNotice, siteUrl: string | undefined): { subject: string; text: string } {
  const key = notice.kind === "published" && !notice.actorName ? "published_system" : notice.kind;
  const line = (locale: keyof typeof translators) => {
    const t = translators[locale];
    return t(`kinds.${key}`, { actor: notice.actorName ?? "", title: notice.articleTitle || t("untitled") });
  };
  const link = siteUrl ? `${siteUrl.replace(/\/$/, "")}/desk/articles/${notice.articleId}` : null;
  const other = DEFAULT_LOCALE === "zh-CN" ? "en" : "zh-CN";
  const text = [line(DEFAULT_LOCALE), notice.note ? `“${notice.note}”` : null, link, "", line(other), "", "— Folio"].filter((l) => l !== null).join("\n");
  return { subject: line(DEFAULT_LOCALE), text };
}

/** Sends every notice waiting for e-mail; returns how many went out. Does nothing without a transport. */
export async function sendPendingNotificationMail({ transport = configuredTransport(), now = new Date() }: { transport?: MailTransport | null; now?: Date } = {}): Promise<number> {
  if (!transport) return 0;
  const { MAIL_FROM, SITE_URL } = env();
  let sent = 0;
  for (const notice of await listUnsentNotices({ since: new Date(now.getTime() - MAX_AGE_MS) })) {
    const { subject, text } = noticeMail(notice, SITE_URL);
    await transport.sendMail({ from: MAIL_FROM, to: { name: notice.recipientName, address: notice.recipientEmail }, subject, text });
    await markNoticeEmailed({ id: notice.id });
    sent += 1;
  }
  return sent;
}

/** One tick of the clock: sends what waits, never two sends at once, errors logged (the notices wait for the next tick). */
export function sendPendingNotificationMailInBackground(): void {
  if (holder.folioMailSending || !env().SMTP_URL) return;
  holder.folioMailSending = true;
  sendPendingNotificationMail()
    .then((n) => {
      if (n > 0) console.info(`mail: sent ${n} notification(s)`);
    })
    .catch((e: unknown) => console.error("mail: sending notifications failed; they wait for the next tick", e))
    .finally(() => {
      holder.folioMailSending = false;
    });
}

import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "./locales";
import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";

const MESSAGES = { "zh-CN": zhCN, en } as const;

// The interface language is a remembered preference (a cookie), not part of the URL:
// public URLs must stay stable whatever language the reader chose.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone: "Asia/Shanghai" };
});

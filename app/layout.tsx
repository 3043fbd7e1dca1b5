import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: "Folio", template: "%s · Folio" }, description: t("tagline") };
}

// No NextIntlClientProvider here: it would send every message (about 20 KB) with every public
// page. The desk layout and the sign-in page, whose client components translate, provide it.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">
        {/* Translations reach the browser only where client components need them (desk, sign-in): the reader site sends none. */}
        {children}
      </body>
    </html>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { PhotoUploader } from "@/components/media/photo-uploader";

/** The library's upload area: the grid below shows each photo as soon as the server has it, and again once it is ready. */
export function LibraryUploader() {
  const router = useRouter();
  return <PhotoUploader onUploaded={() => router.refresh()} onSettled={() => router.refresh()} />;
}

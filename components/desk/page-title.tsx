import type { ReactNode } from "react";

export function PageTitle({ title, description }: { title: ReactNode; description?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      {description ? <p className="mt-1 text-stone-700">{description}</p> : null}
    </div>
  );
}

"use client";

import type { KeyboardEvent, MouseEvent } from "react";

const STEP = 0.05;
const clamp = (v: number) => Math.min(1, Math.max(0, Math.round(v * 100) / 100));

/**
 * The photo with a marker on its subject: a click puts the marker there, the arrow keys move it.
 * Values are 0..1 from the left and from the top.
 */
export function FocalPointPicker({
  src,
  width,
  height,
  x,
  y,
  label,
  describedBy,
  onChange,
  disabled,
}: {
  src: string;
  width: number;
  height: number;
  x: number;
  y: number;
  label: string;
  /** The id of the text that says where the point is now. */
  describedBy?: string;
  onChange: (x: number, y: number) => void;
  disabled?: boolean;
}) {
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if (disabled) return;
    const box = e.currentTarget.getBoundingClientRect();
    onChange(clamp((e.clientX - box.left) / box.width), clamp((e.clientY - box.top) / box.height));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] }[e.key];
    if (!move || disabled) return;
    e.preventDefault();
    onChange(clamp(x + move[0]!), clamp(y + move[1]!));
  };
  return (
    <div
      role="application"
      tabIndex={disabled ? -1 : 0}
      aria-label={label}
      aria-describedby={describedBy}
      onClick={onClick}
      onKeyDown={onKeyDown}
      className="relative inline-block max-w-full cursor-crosshair select-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- the desk's own preview route, no optimiser */}
      <img src={src} alt="" width={width} height={height} draggable={false} className="block h-auto max-h-[28rem] w-auto max-w-full rounded bg-stone-200" />
      <span
        aria-hidden="true"
        className="pointer-events-none absolute size-6 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white shadow-[0_0_0_2px_#a4161a]"
        style={{ left: `${x * 100}%`, top: `${y * 100}%` }}
      />
    </div>
  );
}

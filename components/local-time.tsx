"use client";
// A moment shown in the viewer's locale and time zone. The server (and the first render in the
// browser, while hydrating) shows the same stable UTC text, so the two never disagree; once
// hydrated the browser's own Intl formatting replaces it. The ISO time stays in `dateTime`.
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

function utcFallback(iso: string, dateOnly: boolean): string {
  return dateOnly ? iso.slice(0, 10) : iso.replace("T", " ").slice(0, 16) + " UTC";
}

export function LocalTime({ date, dateOnly = false }: { date: Date | string; dateOnly?: boolean }) {
  const iso = typeof date === "string" ? date : date.toISOString();
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const text = hydrated
    ? new Intl.DateTimeFormat(
        undefined,
        dateOnly ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" },
      ).format(new Date(iso))
    : utcFallback(iso, dateOnly);
  return (
    <time dateTime={iso} title={hydrated ? utcFallback(iso, false) : undefined}>
      {text}
    </time>
  );
}

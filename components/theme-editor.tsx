"use client";
// Store theme fields with a live preview of the storefront's look.
import { useState } from "react";
import { Field, FieldError, inputClass } from "@/components/forms";
import { textContrastProblem } from "@/lib/store/contrast";

type Theme = { primaryColor: string; accentColor: string; logoUrl: string | null; font: string };

export function ThemeEditor({
  theme,
  fonts,
  storeName,
}: {
  theme: Theme;
  fonts: readonly string[];
  storeName: string;
}) {
  const [primary, setPrimary] = useState(theme.primaryColor);
  const [accent, setAccent] = useState(theme.accentColor);
  const [font, setFont] = useState(theme.font);
  const valid = (c: string) => /^#[0-9a-fA-F]{6}$/.test(c);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div className="space-y-4">
        {(
          [
            [
              "primaryColor",
              "Primary colour",
              primary,
              setPrimary,
              "background",
              "the shop's header and buttons",
            ],
            ["accentColor", "Accent colour", accent, setAccent, "text", "links and badges"],
          ] as const
        ).map(([name, label, value, set, on, use]) => (
          <div key={name}>
            <label htmlFor={`field-${name}`} className="block text-sm font-medium">
              {label}
            </label>
            <div className="mt-1 flex gap-2">
              <input
                type="color"
                aria-label={`${label} picker`}
                value={valid(value) ? value : "#000000"}
                onChange={(e) => set(e.target.value)}
                className="h-10 w-12 rounded border border-slate-300 dark:border-slate-700"
              />
              <input
                id={`field-${name}`}
                name={name}
                value={value}
                onChange={(e) => set(e.target.value)}
                className={`${inputClass} mt-0`}
              />
            </div>
            {/* Said while choosing; the server refuses the same colours on saving. */}
            {valid(value) && textContrastProblem(value.toLowerCase(), on, use) && (
              <p id={`field-${name}-contrast`} className="mt-1 text-sm text-amber-800 dark:text-amber-300">
                {textContrastProblem(value.toLowerCase(), on, use)}
              </p>
            )}
            <FieldError name={name} />
          </div>
        ))}
        <div>
          <label htmlFor="field-font" className="block text-sm font-medium">
            Font
          </label>
          <select
            id="field-font"
            name="font"
            value={font}
            onChange={(e) => setFont(e.target.value)}
            className={inputClass}
          >
            {fonts.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
          <FieldError name="font" />
        </div>
        <Field
          name="logoUrl"
          label="Logo URL"
          type="url"
          defaultValue={theme.logoUrl}
          hint="https:// address of an image"
        />
      </div>
      <div
        aria-label="Preview"
        className="flex flex-col overflow-hidden rounded-xl border border-slate-200 dark:border-slate-800"
        style={{ fontFamily: font }}
      >
        <div
          className="px-4 py-3 text-white"
          style={{ backgroundColor: valid(primary) ? primary : undefined }}
        >
          <strong>{storeName}</strong>
        </div>
        <div className="flex-1 space-y-3 bg-white p-4 text-slate-900">
          <p>
            New arrivals this week.{" "}
            <span className="underline" style={{ color: valid(accent) ? accent : undefined }}>
              See all
            </span>
          </p>
          <button
            type="button"
            className="rounded-md px-4 py-2 text-sm font-semibold text-white"
            style={{ backgroundColor: valid(primary) ? primary : undefined }}
          >
            Add to cart
          </button>
        </div>
      </div>
    </div>
  );
}

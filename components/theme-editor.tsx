"use client";
// Store theme fields with a live preview of the storefront's look.
import { useState } from "react";
import "@/components/shop-fonts";
import { FieldError, inputClass } from "@/components/forms";
import { ShopHeader, shopStyle, storeButton } from "@/components/storefront";
import { textContrastProblem } from "@/lib/store/contrast";

type Theme = { primaryColor: string; accentColor: string; logoUrl: string | null; font: string };

export function ThemeEditor({
  theme,
  fonts,
  storeName,
  shopBase,
  logoSrc,
}: {
  theme: Theme;
  fonts: readonly string[];
  storeName: string;
  /** The shop's address, for the preview header's links. */
  shopBase: string;
  /** The uploaded logo (served to the dashboard), else null: the logo URL field then applies. */
  logoSrc: string | null;
}) {
  const [primary, setPrimary] = useState(theme.primaryColor);
  const [accent, setAccent] = useState(theme.accentColor);
  const [font, setFont] = useState(theme.font);
  const [logoUrl, setLogoUrl] = useState(theme.logoUrl ?? "");
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
        <div>
          <label htmlFor="field-logoUrl" className="block text-sm font-medium">
            Logo URL
          </label>
          <input
            id="field-logoUrl"
            name="logoUrl"
            type="url"
            value={logoUrl}
            onChange={(e) => setLogoUrl(e.target.value)}
            aria-describedby="field-logoUrl-hint"
            className={inputClass}
          />
          <p id="field-logoUrl-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            https:// address of an image, used while no logo is uploaded
          </p>
          <FieldError name="logoUrl" />
        </div>
      </div>
      {/* The shop's own header and buttons, in the chosen colours and font stack; inert, so
          its links and buttons are a picture of the shop, not part of this form. */}
      <div
        role="figure"
        aria-label="Preview"
        data-shop=""
        inert
        className="flex flex-col overflow-hidden rounded-xl border border-slate-200 dark:border-slate-800"
        style={shopStyle({
          primaryColor: valid(primary) ? primary : theme.primaryColor,
          accentColor: valid(accent) ? accent : theme.accentColor,
          font,
        })}
      >
        {/* The bar's own box carries the colour too, so it reads as the preview's first row. */}
        <div className="bg-[var(--store-primary)]">
          <ShopHeader
            base={shopBase}
            name={storeName}
            logoSrc={logoSrc ?? (/^https:\/\//.test(logoUrl) ? logoUrl : null)}
          />
        </div>
        <div className="flex-1 space-y-3 bg-white p-4 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
          <p>
            New arrivals this week. <span className="shop-link">See all</span>
          </p>
          <p className="text-sm">
            £24.00{" "}
            <span className="shop-badge ml-1 inline-block rounded-full px-2 py-0.5 text-xs font-medium">
              Sold out
            </span>
          </p>
          <button type="button" className={storeButton}>
            Add to cart
          </button>
        </div>
      </div>
    </div>
  );
}

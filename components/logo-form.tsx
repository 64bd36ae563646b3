"use client";
// The store's logo in its settings: the current one, a file to upload in its place (checked
// like a product picture) and, when there is one, its removal.
import { useId } from "react";
import { ActionForm, FieldError, SubmitButton } from "@/components/forms";
import { FileChooser } from "@/components/product-images";
import type { ActionState } from "@/lib/actions";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function LogoForm({
  logoSrc,
  upload,
  remove,
}: {
  logoSrc: string | null;
  upload: Action;
  remove: Action;
}) {
  const fileId = useId();
  return (
    <div className="space-y-4">
      {/* One form in one place whether or not there is a logo, so "Logo removed." stays shown. */}
      <ActionForm action={remove} aria-label="Remove logo" className="flex flex-wrap items-center gap-4">
        {logoSrc ? (
          <>
            {/* eslint-disable-next-line @next/next/no-img-element -- one fixed file of the logo route */}
            <img
              src={logoSrc}
              alt="The store's current logo"
              className="h-16 w-auto max-w-48 rounded border border-slate-200 bg-white object-contain p-1 dark:border-slate-700"
            />
            <SubmitButton tone="danger">Remove logo</SubmitButton>
          </>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No logo uploaded: the shop shows its name (and the logo URL, if one is set).
          </p>
        )}
      </ActionForm>
      <ActionForm action={upload} aria-label="Upload logo">
        <FileChooser label={logoSrc ? "Replace the logo" : "Upload a logo"} id={fileId} name="logo" />
        <FieldError name="logo" />
        <SubmitButton>Save logo</SubmitButton>
      </ActionForm>
    </div>
  );
}

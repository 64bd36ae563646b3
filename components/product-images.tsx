"use client";
// A product's pictures in the dashboard: each with its alt text, "main picture", replace and
// remove; and a form to add one, with a preview of the chosen file before it is sent.
import Image from "next/image";
import { useEffect, useId, useState } from "react";
import { ActionForm, FieldError, SubmitButton, inputClass } from "@/components/forms";
import type { ActionState } from "@/lib/actions";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type ManagedImage = {
  id: string;
  src: string;
  alt: string;
  isPrimary: boolean;
  width: number;
  height: number;
  update: Action;
  replace: Action;
  remove: Action;
};

const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPT = "image/jpeg,image/png,image/webp";

/** A file input that previews the chosen picture and warns about a file that will be refused. */
export function FileChooser({ label, id, name = "image" }: { label: string; id: string; name?: string }) {
  const [preview, setPreview] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        accept={ACCEPT}
        required
        aria-describedby={`${id}-hint`}
        className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium dark:file:border-slate-700 dark:file:bg-slate-900 dark:file:text-slate-100"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          setPreview(file ? URL.createObjectURL(file) : null);
          const tooBig = file && file.size > MAX_BYTES;
          setWarning(tooBig ? "This file is larger than 5 MB. Choose a smaller image." : null);
          e.currentTarget.setCustomValidity(tooBig ? "This file is larger than 5 MB." : "");
        }}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        JPEG, PNG or WebP, at most 5 MB. Location and camera data are removed.
      </p>
      {warning && (
        <p role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
          {warning}
        </p>
      )}
      {preview && (
        // A local preview (blob: URL) of a file not sent yet: next/image has nothing to load.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={preview}
          alt="Preview of the chosen file"
          className="mt-2 h-32 w-32 rounded-md border border-slate-200 object-cover dark:border-slate-700"
        />
      )}
    </div>
  );
}

function ImageCard({ image, index }: { image: ManagedImage; index: number }) {
  const altId = useId();
  const replaceId = useId();
  const name = image.alt || `Picture ${index + 1}`;
  return (
    <li
      className="space-y-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800"
      aria-label={`Picture ${index + 1}`}
    >
      <div className="relative aspect-square w-full max-w-48 overflow-hidden rounded-md bg-slate-100 sm:max-w-none dark:bg-slate-800">
        <Image
          src={image.src}
          alt={image.alt}
          fill
          sizes="(min-width: 640px) 320px, 100vw"
          className="object-contain"
        />
        {image.isPrimary && (
          <span className="absolute left-2 top-2 rounded bg-slate-900/80 px-2 py-0.5 text-xs font-semibold text-white">
            Main picture
          </span>
        )}
      </div>
      <ActionForm action={image.update} className="space-y-2" aria-label={`Description of ${name}`}>
        <label htmlFor={altId} className="block text-sm font-medium">
          Description (alt text)
        </label>
        <input
          id={altId}
          name="alt"
          defaultValue={image.alt}
          maxLength={300}
          placeholder="What the picture shows"
          className={inputClass}
        />
        <FieldError name="alt" />
        <div className="flex flex-wrap gap-2">
          <SubmitButton tone="plain" of={`of picture ${index + 1}`}>
            Save description
          </SubmitButton>
          {!image.isPrimary && (
            <button
              type="submit"
              name="intent"
              value="primary"
              className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              Make main picture<span className="sr-only"> (picture {index + 1})</span>
            </button>
          )}
        </div>
      </ActionForm>
      <ActionForm action={image.replace} className="space-y-2" aria-label={`Replace ${name}`}>
        <FileChooser label="Replace with" id={replaceId} />
        <SubmitButton tone="plain" of={`${index + 1}`}>
          Replace picture
        </SubmitButton>
      </ActionForm>
      <ActionForm action={image.remove} className="space-y-2" aria-label={`Remove ${name}`}>
        <SubmitButton tone="danger" of={`${index + 1}`}>
          Remove picture
        </SubmitButton>
      </ActionForm>
    </li>
  );
}

export function ProductImages({
  images,
  add,
  max,
}: {
  images: ManagedImage[];
  add: Action | null;
  max: number;
}) {
  const addId = useId();
  const addAltId = useId();
  return (
    <div className="space-y-6">
      {images.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No pictures yet. The first one you add is the one shown in the catalog.
        </p>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          {images.map((image, i) => (
            <ImageCard key={image.id} image={image} index={i} />
          ))}
        </ul>
      )}
      {add && images.length < max && (
        <ActionForm action={add} aria-label="Add a picture">
          <FileChooser label="Add a picture" id={addId} />
          <div>
            <label htmlFor={addAltId} className="block text-sm font-medium">
              Description (alt text)
            </label>
            <input
              id={addAltId}
              name="alt"
              maxLength={300}
              placeholder="What the picture shows, for people who cannot see it"
              className={inputClass}
            />
          </div>
          <SubmitButton>Upload picture</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}

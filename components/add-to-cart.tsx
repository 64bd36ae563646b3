"use client";
// The product page's buy box. The answer of "Add to cart" comes as a toast fixed to the corner
// with the ways on (view cart, checkout), so the box itself never moves. Without JavaScript the
// form still posts to the server action and the page comes back with the same toast.
import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { SubmitButton } from "@/components/forms";
import type { ActionState } from "@/lib/actions";

export function AddToCartForm({
  action,
  productId,
  max,
  base,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  productId: string;
  max: number;
  base: string;
}) {
  const [state, formAction] = useActionState(action, {});
  // The answer last closed by hand or by time; a new answer is a new object and shows again.
  const [closed, setClosed] = useState<ActionState | null>(null);
  useEffect(() => {
    if (!state.message) return;
    const timer = setTimeout(() => setClosed(state), 8000);
    return () => clearTimeout(timer);
  }, [state]);
  const open = closed !== state;
  return (
    <>
      <form action={formAction} className="flex items-end gap-3" aria-label="Add to cart">
        <input type="hidden" name="product_id" value={productId} />
        <label className="text-sm">
          Quantity
          <input
            type="number"
            name="quantity"
            min={1}
            max={max}
            defaultValue={1}
            className="mt-1 block w-20 rounded-md border border-slate-300 bg-white px-2 py-2 text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
          />
        </label>
        <SubmitButton>Add to cart</SubmitButton>
      </form>
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-4 bottom-4 z-40 flex justify-end sm:inset-x-auto sm:right-4"
      >
        {open && (state.message || state.error) && (
          <div className="pointer-events-auto w-full max-w-sm rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
            <div className="flex items-start justify-between gap-3">
              <p className={state.error ? "text-red-700 dark:text-red-300" : "font-medium"}>
                {state.error ?? state.message}
              </p>
              <button
                type="button"
                onClick={() => setClosed(state)}
                aria-label="Dismiss"
                className="text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
              >
                ✕
              </button>
            </div>
            {state.message && (
              <div className="mt-3 flex gap-3">
                <Link
                  href={`${base}/cart`}
                  className="rounded-md border border-slate-300 px-3 py-1.5 font-medium dark:border-slate-600"
                >
                  View cart
                </Link>
                <Link
                  href={`${base}/checkout`}
                  className="rounded-md bg-[var(--store-primary)] px-3 py-1.5 font-semibold text-white"
                >
                  Checkout
                </Link>
              </div>
            )}
          </div>
        )}
      </div>
    </>
  );
}

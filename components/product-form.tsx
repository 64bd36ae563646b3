"use client";
// The product editor used by "new" and "edit".
import { ActionForm, Field, SubmitButton, inputClass } from "@/components/forms";
import type { ActionState } from "@/lib/actions";

type Product = {
  name: string;
  description: string;
  priceCents: number;
  currency: string;
  stock: number;
  isActive: boolean;
};

export function ProductForm({
  action,
  product,
  currencies,
  submitLabel,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  product?: Product;
  currencies: readonly string[];
  submitLabel: string;
}) {
  return (
    <ActionForm action={action} aria-label="Product">
      <Field name="name" label="Name" required maxLength={200} defaultValue={product?.name} />
      <div>
        <label htmlFor="field-description" className="block text-sm font-medium">
          Description
        </label>
        <textarea
          id="field-description"
          name="description"
          rows={4}
          maxLength={5000}
          defaultValue={product?.description}
          className={inputClass}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          name="price"
          label="Price"
          type="number"
          step="0.01"
          min={0}
          required
          defaultValue={product ? (product.priceCents / 100).toFixed(2) : undefined}
        />
        <div>
          <label htmlFor="field-currency" className="block text-sm font-medium">
            Currency
          </label>
          <select
            id="field-currency"
            name="currency"
            defaultValue={product?.currency ?? "EUR"}
            className={inputClass}
          >
            {currencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <Field name="stock" label="Stock" type="number" min={0} required defaultValue={product?.stock ?? 0} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="is_active" defaultChecked={product?.isActive ?? true} /> Visible in the
        shop
      </label>
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}

import type { Metadata } from "next";
import { ConfirmButton } from "@/components/confirm-dialog";
import { ActionForm, SubmitButton } from "@/components/forms";
import { ProductForm } from "@/components/product-form";
import { ProductImages } from "@/components/product-images";
import { Card, PageHeader } from "@/components/ui";
import { requireStorePagePermission } from "@/lib/auth/guards";
import { CURRENCIES, getProduct } from "@/lib/store/products";
import { MAX_IMAGES_PER_PRODUCT, listProductImages } from "@/lib/store/product-images";
import { orNotFound } from "@/lib/not-found";
import { idParam } from "@/lib/validation";
import {
  addProductImageAction,
  archiveProductAction,
  removeProductImageAction,
  replaceProductImageAction,
  updateProductAction,
  updateProductImageAction,
} from "../../actions";

export const metadata: Metadata = { title: "Product" };

type Props = {
  params: Promise<{ store: string; id: string }>;
  searchParams: Promise<Record<string, string>>;
};

export default async function ProductPage({ params, searchParams }: Props) {
  const [{ store: slug, id }, query] = await Promise.all([params, searchParams]);
  const member = await requireStorePagePermission(slug, "products.read");
  const product = await orNotFound(() => getProduct(member.store.id, idParam(id, "product")));
  const canWrite = member.permissions.includes("products.write");
  const archived = product.archivedAt !== null;
  const images = (await listProductImages(member.store.id, product.id)).map((image) => ({
    id: image.id,
    src: `/store/${slug}/images/${image.id}`,
    alt: image.alt,
    isPrimary: image.isPrimary,
    width: image.width,
    height: image.height,
    update: updateProductImageAction.bind(null, slug, product.id, image.id),
    replace: replaceProductImageAction.bind(null, slug, product.id, image.id),
    remove: removeProductImageAction.bind(null, slug, product.id, image.id),
  }));
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader
        title={product.name}
        description={archived ? "Archived: not shown in the shop." : undefined}
      />
      {query.saved === "1" && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          Product created. Add its pictures below.
        </p>
      )}
      {canWrite ? (
        <>
          <Card>
            <ProductForm
              action={updateProductAction.bind(null, slug, product.id)}
              product={product}
              currencies={CURRENCIES}
              submitLabel="Save changes"
            />
          </Card>
          <Card title="Pictures">
            <ProductImages
              images={images}
              add={addProductImageAction.bind(null, slug, product.id)}
              max={MAX_IMAGES_PER_PRODUCT}
            />
          </Card>
          <Card title={archived ? "Restore" : "Archive"}>
            {archived ? (
              <ActionForm action={archiveProductAction.bind(null, slug, product.id, false)}>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Bring the product back to the product list.
                </p>
                <SubmitButton tone="plain">Restore product</SubmitButton>
              </ActionForm>
            ) : (
              <ConfirmButton
                action={archiveProductAction.bind(null, slug, product.id, true)}
                label="Archive product"
                title={`Archive ${product.name}?`}
                description="It leaves the shop and the product list at once; carts holding it drop it. Past orders keep it."
                confirmLabel={`Archive ${product.name}`}
              >
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Archiving removes the product from the shop; past orders keep it.
                </p>
              </ConfirmButton>
            )}
          </Card>
        </>
      ) : (
        <Card>
          <p className="whitespace-pre-line">{product.description}</p>
        </Card>
      )}
    </div>
  );
}

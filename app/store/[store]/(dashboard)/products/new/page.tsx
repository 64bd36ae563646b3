import type { Metadata } from "next";
import { ProductForm } from "@/components/product-form";
import { Card, PageHeader } from "@/components/ui";
import { requireStorePagePermission } from "@/lib/auth/guards";
import { CURRENCIES } from "@/lib/store/products";
import { createProductAction } from "../../actions";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage({ params }: { params: Promise<{ store: string }> }) {
  const { store: slug } = await params;
  await requireStorePagePermission(slug, "products.write");
  return (
    <div className="max-w-2xl">
      <PageHeader
        title="New product"
        description="Pictures are added on the next page, once the product exists."
      />
      <Card>
        <ProductForm
          action={createProductAction.bind(null, slug)}
          currencies={CURRENCIES}
          submitLabel="Create product"
        />
      </Card>
    </div>
  );
}

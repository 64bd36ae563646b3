import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { isValidSlug } from "@/lib/tenancy/slug";

type LayoutParams = { params: Promise<{ store: string }> };

/** A dashboard tab names its store: "Orders · ACME Tools · Orion" beside another store's. */
export async function generateMetadata({ params }: LayoutParams): Promise<Metadata> {
  const { store: slug } = await params;
  const store = isValidSlug(slug) ? await storeBySlug(slug) : null;
  if (!store) return {};
  return { title: { default: `${store.name} · Orion`, template: `%s · ${store.name} · Orion` } };
}

export default async function StoreAreaLayout({ children, params }: LayoutParams & { children: ReactNode }) {
  const { store: slug } = await params;
  if (!isValidSlug(slug) || !(await storeBySlug(slug))) notFound();
  return children;
}

import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { storeBySlug } from "@/lib/tenancy/lookup";
import { isValidSlug } from "@/lib/tenancy/slug";

export default async function StoreAreaLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ store: string }>;
}) {
  const { store: slug } = await params;
  if (!isValidSlug(slug) || !(await storeBySlug(slug))) notFound();
  return children;
}

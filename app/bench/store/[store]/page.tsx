// The store dashboard with the same layouts, at a path the request layer's matcher leaves out:
// `npm run bench` compares it with /store/{slug} to price the request layer (bench/README.md).
// It exists only on a server started by the bench (ORION_BENCH_ROUTES=1), never in production.
import { notFound } from "next/navigation";
import StoreDashboardLayout from "@/app/store/[store]/(dashboard)/layout";
import StoreDashboard from "@/app/store/[store]/(dashboard)/page";
import StoreAreaLayout from "@/app/store/[store]/layout";
import { config } from "@/lib/config";

export default async function BenchStoreDashboard({ params }: { params: Promise<{ store: string }> }) {
  if (process.env.ORION_BENCH_ROUTES !== "1" || config().isProduction) notFound();
  return (
    <StoreAreaLayout params={params}>
      <StoreDashboardLayout params={params}>
        <StoreDashboard params={params} />
      </StoreDashboardLayout>
    </StoreAreaLayout>
  );
}

// How many requests the request layer (proxy.ts) handled in this process, counting a request
// Next.js sends back through it as a second pass. `npm run bench` reads it through a bench-only
// route (app/bench/proxy-passes) to show how often a store host's page is routed.
import { processSingleton } from "@/lib/process-global";

export const proxyPasses = (): { count: number } =>
  processSingleton("orionProxyPasses", () => ({ count: 0 }));

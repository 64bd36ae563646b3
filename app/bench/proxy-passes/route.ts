// The request layer's pass count of this process (lib/proxy-passes), for `npm run bench` and
// tests/integration/proxy-passes.test.ts. Only on a server started with ORION_BENCH_ROUTES=1
// outside production; elsewhere a 404.
import { config } from "@/lib/config";
import { ApiError } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { apiRouter, json } from "@/lib/http";
import { proxyPasses } from "@/lib/proxy-passes";

export const GET = apiRouter(async () => {
  if (process.env.ORION_BENCH_ROUTES !== "1" || config().isProduction)
    throw new ApiError("NOT_FOUND", { message: "No such API endpoint" });
  return json({ passes: proxyPasses().count });
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = otherMethods({ GET });

// The platform's own routes: health and this document.
import { z } from "zod";
import { route } from "./route";

const check = z.enum(["up", "down", "not_configured"]);
const checks = z.object({ database: check, redis: check, mail_queue: check });

export const PLATFORM_ROUTES = {
  health: route({
    area: null,
    tag: "platform",
    method: "GET",
    path: "/api/v1/health",
    operationId: "health",
    summary: "Liveness: the process answers",
    responses: { 200: z.object({ status: z.literal("ok") }) },
  }),
  ready: route({
    area: null,
    tag: "platform",
    method: "GET",
    path: "/api/v1/health/ready",
    operationId: "ready",
    summary: "Readiness: the database, Redis (when configured) and the mail worker",
    responses: {
      200: z.object({ status: z.literal("ready"), checks }),
      503: z.object({
        status: z.literal("unavailable"),
        checks,
        error: z.object({
          code: z.literal("SERVICE_UNAVAILABLE"),
          message: z.string(),
          details: z.object({ down: z.array(z.string()) }),
        }),
      }),
    },
  }),
  openapi: route({
    area: null,
    tag: "platform",
    method: "GET",
    path: "/api/v1/openapi.json",
    operationId: "openapi",
    summary: "This document (OpenAPI 3.1)",
    responses: { 200: z.object({ openapi: z.string() }).loose() },
  }),
};

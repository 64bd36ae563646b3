// The platform admin API: sign-in, stores, users, audit events, locks.
import { z } from "zod";
import { unlockSchema } from "@/lib/admin/locks";
import { domainVerifySchema, storeCreateSchema, storeUpdateSchema } from "@/lib/admin/stores";
import { auditQuery } from "@/lib/audit-log";
import { loginSchema, mfaLoginSchema, refreshSchema } from "@/lib/auth/login";
import { forgotSchema, resetSchema } from "@/lib/auth/reset";
import { listQuery } from "@/lib/validation";
import { pathId, route } from "./route";
import { totpRoutes } from "./totp";
import * as v from "./views";

const A = "/api/v1/admin";
const admin = { area: "admin", tag: "admin" } as const;
const open = { area: null, tag: "admin" } as const;
const storeMember = v.teamMember;

export const ADMIN_ROUTES = {
  login: route({
    ...open,
    method: "POST",
    path: `${A}/auth/login`,
    operationId: "adminLogin",
    summary: "Sign in as a platform admin",
    description: "Sets the `admin_token` cookie too. With two-factor sign-in on, answers `mfa_required`.",
    body: loginSchema,
    responses: { 200: v.adminLogin },
    errors: ["INVALID_CREDENTIALS", "ACCOUNT_LOCKED", "RATE_LIMITED"],
  }),
  mfa: route({
    ...open,
    method: "POST",
    path: `${A}/auth/mfa`,
    operationId: "adminMfa",
    summary: "Complete a sign-in with a TOTP or recovery code",
    body: mfaLoginSchema,
    responses: { 200: v.adminLogin },
    errors: ["INVALID_MFA_CODE", "MFA_CHALLENGE_INVALID", "ACCOUNT_LOCKED", "RATE_LIMITED"],
  }),
  refresh: route({
    ...open,
    method: "POST",
    path: `${A}/auth/refresh`,
    operationId: "adminRefresh",
    summary: "Exchange a refresh token for new tokens (the old one is spent)",
    body: refreshSchema,
    responses: { 200: v.tokens },
    errors: ["INVALID_TOKEN"],
  }),
  logout: route({
    ...admin,
    method: "POST",
    path: `${A}/auth/logout`,
    operationId: "adminLogout",
    summary: "End this session",
    responses: { 200: v.message },
  }),
  me: route({
    ...admin,
    method: "GET",
    path: `${A}/auth/me`,
    operationId: "adminMe",
    summary: "The signed-in admin",
    responses: {
      200: z.object({
        user: z.object({
          id: z.string(),
          username: z.string(),
          email: z.string(),
          role: z.enum(["admin", "store"]),
        }),
        session_id: z.string(),
      }),
    },
  }),
  forgotPassword: route({
    ...open,
    method: "POST",
    path: `${A}/auth/forgot-password`,
    operationId: "adminForgotPassword",
    summary: "Mail a password reset link (202 whatever the address)",
    body: forgotSchema,
    responses: { 202: v.message },
    errors: ["RATE_LIMITED"],
  }),
  resetPassword: route({
    ...open,
    method: "POST",
    path: `${A}/auth/reset-password`,
    operationId: "adminResetPassword",
    summary: "Set a new password with the token from the reset mail",
    body: resetSchema("admin"),
    responses: { 200: v.message },
    errors: ["RATE_LIMITED"],
  }),
  totp: totpRoutes(`${A}/auth`, "admin", "admin", "admin"),
  unlock: route({
    ...admin,
    method: "POST",
    path: `${A}/locks/unlock`,
    operationId: "adminUnlock",
    summary: "Lift a sign-in lock before it runs out",
    body: unlockSchema,
    responses: { 200: z.object({ unlocked: z.literal(true), was_locked: z.boolean() }) },
  }),
  auditEvents: route({
    ...admin,
    method: "GET",
    path: `${A}/audit-events`,
    operationId: "adminAuditEvents",
    summary: "Sign-in and account events",
    description:
      "Filters: area, store (code or slug), type, who (username or email), from/to (YYYY-MM-DD), page.",
    query: auditQuery,
    responses: { 200: v.page(v.auditEvent) },
  }),
  stores: route({
    ...admin,
    method: "GET",
    path: `${A}/stores`,
    operationId: "adminListStores",
    summary: "Stores",
    query: listQuery,
    responses: { 200: v.page(v.adminStore.extend({ members: z.number().int() })) },
  }),
  createStore: route({
    ...admin,
    method: "POST",
    path: `${A}/stores`,
    operationId: "adminCreateStore",
    summary: "A new store together with its owner's account",
    body: storeCreateSchema,
    responses: { 201: v.adminStore },
    errors: ["CONFLICT"],
  }),
  store: route({
    ...admin,
    method: "GET",
    path: `${A}/stores/{id}`,
    operationId: "adminGetStore",
    summary: "A store with its members and domains",
    params: z.object({ id: pathId("store") }),
    responses: { 200: v.adminStore.extend({ members: z.array(storeMember), domains: z.array(v.domain) }) },
  }),
  updateStore: route({
    ...admin,
    method: "PATCH",
    path: `${A}/stores/{id}`,
    operationId: "adminUpdateStore",
    summary: "Rename a store",
    params: z.object({ id: pathId("store") }),
    body: storeUpdateSchema,
    responses: { 200: v.adminStore },
  }),
  suspendStore: route({
    ...admin,
    method: "POST",
    path: `${A}/stores/{id}/suspend`,
    operationId: "adminSuspendStore",
    summary: "Suspend a store: its pages and API answer 503",
    params: z.object({ id: pathId("store") }),
    responses: { 200: v.adminStore },
  }),
  reactivateStore: route({
    ...admin,
    method: "POST",
    path: `${A}/stores/{id}/reactivate`,
    operationId: "adminReactivateStore",
    summary: "Reactivate a suspended store",
    params: z.object({ id: pathId("store") }),
    responses: { 200: v.adminStore },
  }),
  verifyDomain: route({
    ...admin,
    method: "PATCH",
    path: `${A}/stores/{id}/domains/{domainId}`,
    operationId: "adminVerifyDomain",
    summary: "Mark a store's custom domain verified or not",
    params: z.object({ id: pathId("store"), domainId: pathId("domain") }),
    body: domainVerifySchema,
    responses: { 200: v.domain },
  }),
  users: route({
    ...admin,
    method: "GET",
    path: `${A}/users`,
    operationId: "adminListUsers",
    summary: "Admins and store staff",
    query: listQuery.extend({ role: z.enum(["admin", "store"]).optional().catch(undefined) }),
    responses: { 200: v.page(v.adminUser) },
  }),
  deactivateUser: route({
    ...admin,
    method: "POST",
    path: `${A}/users/{id}/deactivate`,
    operationId: "adminDeactivateUser",
    summary: "Deactivate an account: its sessions end",
    params: z.object({ id: pathId("user") }),
    responses: { 200: v.adminUser },
    errors: ["CONFLICT"],
  }),
  reactivateUser: route({
    ...admin,
    method: "POST",
    path: `${A}/users/{id}/reactivate`,
    operationId: "adminReactivateUser",
    summary: "Reactivate an account",
    params: z.object({ id: pathId("user") }),
    responses: { 200: v.adminUser },
  }),
};

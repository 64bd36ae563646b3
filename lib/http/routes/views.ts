// The JSON the API answers with, as zod schemas: the documented shape of each view function's
// output (lib/*/…View). The contract test holds real answers to them.
import { z } from "zod";
import { AREA_NAMES } from "@/lib/auth/areas";
import { STORE_ROLES } from "@/lib/auth/permissions";
import { ERROR_CODES, type ErrorCode } from "@/lib/http/errors";
import { ORDER_STATUSES } from "@/lib/store/orders";

const id = z.string().meta({ format: "uuid" });
const timestamp = z.string().meta({ format: "date-time" });
const storeRole = z.enum(STORE_ROLES as [string, ...string[]]);

/** The one error body of every 4xx and 5xx. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z
        .unknown()
        .optional()
        .meta({ description: "Field errors (`[{field, message}]`) for VALIDATION_ERROR, else any detail" }),
    }),
  })
  .meta({ id: "Error", description: "The error body of every 4xx and 5xx answer" });

export const message = z.object({ message: z.string() }).meta({ id: "Message" });

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    page_size: z.number().int(),
  });
}

export const tokens = z
  .object({
    access_token: z.string(),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int(),
    refresh_token: z.string(),
  })
  .meta({ id: "Tokens" });

export const mfaRequired = z
  .object({
    mfa_required: z.literal(true),
    mfa_token: z.string(),
    mfa_methods: z.array(z.enum(["totp", "recovery_code"])),
  })
  .meta({ id: "MfaRequired", description: "The password was right; send a code to `…/auth/mfa`" });

const theme = z
  .object({
    primaryColor: z.string(),
    accentColor: z.string(),
    logoUrl: z.string().nullable(),
    font: z.string(),
  })
  .meta({ id: "StoreTheme" });

export const adminUser = z
  .object({
    id,
    username: z.string(),
    email: z.string(),
    role: z.enum(["admin", "store"]),
    is_active: z.boolean(),
    stores: z.number().int().optional(),
    last_login_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: "AdminUser" });

export const adminLogin = z.union([
  tokens.extend({
    user: z.object({
      id,
      username: z.string(),
      email: z.string(),
      role: z.enum(["admin", "store"]),
      last_login_at: timestamp.nullable(),
    }),
  }),
  mfaRequired,
]);

export const storeSummary = z
  .object({ id, code: z.string(), slug: z.string(), name: z.string() })
  .meta({ id: "StoreSummary" });

const staffUser = z.object({ id, username: z.string(), email: z.string(), role: z.enum(["admin", "store"]) });

export const storeSession = tokens
  .extend({ user: staffUser, store: storeSummary, store_role: storeRole })
  .meta({ id: "StoreSession" });

export const storeLogin = z.union([storeSession, mfaRequired]);

export const adminStore = z
  .object({
    id,
    code: z.string(),
    slug: z.string(),
    name: z.string(),
    status: z.enum(["active", "suspended"]),
    theme,
    created_at: timestamp,
  })
  .meta({ id: "AdminStore" });

export const domain = z
  .object({ id, domain: z.string(), verified: z.boolean(), created_at: timestamp })
  .meta({ id: "StoreDomain" });

export const auditEvent = z
  .object({
    id: z.number().int(),
    at: timestamp,
    type: z.string(),
    area: z.enum(AREA_NAMES),
    store: z.string().nullable(),
    principal: z.string().nullable(),
    identifier: z.string().nullable(),
    ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "AuditEvent" });

export const customer = z
  .object({
    id,
    customer_number: z.string(),
    email: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    phone: z.string().nullable(),
    marketing_consent: z.boolean(),
    is_active: z.boolean(),
    email_verified: z.boolean(),
    total_orders: z.number().int(),
    created_at: timestamp,
  })
  .meta({ id: "Customer" });

const orderAddress = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
});

export const order = z
  .object({
    id,
    order_number: z.string(),
    status: z.enum(ORDER_STATUSES),
    currency: z.string(),
    total_cents: z.number().int(),
    customer_id: id.nullable(),
    shipping_address: orderAddress.nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Order" });

export const orderItems = z.array(
  z.object({
    product_id: id.nullable(),
    product_name: z.string(),
    unit_price_cents: z.number().int(),
    quantity: z.number().int(),
  }),
);

export const product = z
  .object({
    id,
    name: z.string(),
    description: z.string(),
    price_cents: z.number().int(),
    currency: z.string(),
    stock: z.number().int(),
    image_url: z.string().nullable(),
    is_active: z.boolean(),
    archived: z.boolean(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Product" });

export const publicProduct = z
  .object({
    id,
    name: z.string(),
    description: z.string(),
    price_cents: z.number().int(),
    currency: z.string(),
    in_stock: z.boolean(),
    stock: z.number().int(),
    image_url: z.string().nullable(),
  })
  .meta({ id: "CatalogProduct" });

export const productImage = z
  .object({
    id,
    product_id: id,
    alt: z.string(),
    is_primary: z.boolean(),
    position: z.number().int(),
    width: z.number().int(),
    height: z.number().int(),
  })
  .meta({ id: "ProductImage" });

export const settings = z
  .object({ name: z.string(), code: z.string(), slug: z.string(), theme })
  .meta({ id: "StoreSettings" });

export const signInSettings = z
  .object({
    platform: z.array(
      z.object({ id: z.string(), name: z.string(), enabled: z.boolean(), callbackUrl: z.string() }),
    ),
    own: z
      .object({
        name: z.string(),
        issuer: z.string(),
        clientId: z.string(),
        enabled: z.boolean(),
        callbackUrl: z.string(),
      })
      .nullable(),
  })
  .meta({ id: "SignInSettings" });

export const mailDelivery = z
  .object({
    id,
    kind: z.string(),
    to: z.string(),
    status: z.string(),
    attempts: z.number().int(),
    created_at: timestamp,
    next_attempt_at: timestamp.nullable(),
    finished_at: timestamp.nullable(),
  })
  .meta({ id: "MailDelivery" });

export const teamMember = z.object({
  user_id: id,
  username: z.string(),
  email: z.string(),
  role: storeRole,
  is_active: z.boolean(),
});

export const address = z
  .object({
    id,
    name: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    postal_code: z.string(),
    city: z.string(),
    country: z.string(),
    phone: z.string().nullable(),
    is_default_shipping: z.boolean(),
  })
  .meta({ id: "Address" });

export const session = z
  .object({
    id,
    user_agent: z.string().nullable(),
    ip: z.string().nullable(),
    created_at: timestamp,
    last_used_at: timestamp,
    expires_at: timestamp,
    current: z.boolean(),
  })
  .meta({ id: "Session" });

export const customerBody = z.object({ customer });

export const customerLogin = z.union([tokens.extend({ user: customer, customer }), mfaRequired]);

export const totpStatus = z
  .object({ enabled: z.boolean(), enabled_at: timestamp.nullable(), recovery_codes_left: z.number().int() })
  .meta({ id: "TotpStatus" });

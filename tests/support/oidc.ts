// A real OpenID Connect provider for the social sign-in tests (panva's oidc-provider, started
// in the test process). Its development interactions accept any login and password; the login
// is the account: its email, verified unless it starts with "unverified+".
import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";

export type TestClient = { client_id: string; client_secret: string; redirect_uris: string[] };

export type TestOidc = { issuer: string; server: Server; stop: () => Promise<void> };

export async function startOidcProvider(port: number, clients: TestClient[]): Promise<TestOidc> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({ ...c, grant_types: ["authorization_code"], response_types: ["code"] })),
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name"],
    },
    // Puts email and email_verified into the ID token, where next-auth reads them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ["orion-test-oidc-cookie-key"] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => {
        const unverified = id.startsWith("unverified+");
        const email = unverified ? id.slice("unverified+".length) : id;
        return {
          sub: id,
          email,
          email_verified: !unverified,
          name: "Ada Lovelace",
          given_name: "Ada",
          family_name: "Lovelace",
        };
      },
    }),
  });
  provider.on("server_error", () => {});
  const server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    server,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "db/migrations/**",
      "test-results/**",
      "next-env.d.ts",
    ],
  },
  { rules: { "@typescript-eslint/no-explicit-any": "error" } },
];
export default config;

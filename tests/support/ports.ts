// Ports of the test servers. Each has a fixed default, an environment variable to move it, and
// ORION_PORT_OFFSET moves them all at once, so that two checkouts can run their tests side by side.
export function testPort(name: string, fallback: number): number {
  const offset = Number(process.env.ORION_PORT_OFFSET ?? 0);
  return Number(process.env[name] ?? fallback) + offset;
}

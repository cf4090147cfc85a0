import type { Server } from "http";

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __finopsE2eServer?: Server }).__finopsE2eServer;
  if (server) await new Promise((resolve) => server.close(resolve));
}

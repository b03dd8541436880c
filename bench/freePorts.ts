// The benches that start `npm start`'s servers themselves first make sure nothing else listens on 3000–3002.
import net from "node:net";

/** The ports `npm start` uses (pane, gateway, issuer). */
export const SERVER_PORTS = [3000, 3001, 3002] as const;

/** Whether something listens on 127.0.0.1:`port`. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/**
 * Refuses to run when another `npm start` or E2E run holds the ports, so a bench never measures someone else's servers.
 * @throws naming the busy ports.
 */
export async function assertServerPortsFree(): Promise<void> {
  const busy = (await Promise.all(SERVER_PORTS.map(async (port) => ((await listening(port)) ? port : undefined)))).filter(
    (port) => port !== undefined,
  );
  if (busy.length > 0) throw new Error(`Ports ${busy.join(", ")} are in use (another npm start or E2E run?). Stop it and run again.`);
}

// The gateway's TLS certificate: the organisation's files (TLS_CERT_FILE, TLS_KEY_FILE) or the development one.
import { readFile } from "node:fs/promises";
import { loadDevTls, type DevTls } from "./devTls";

/**
 * PEM key and certificate from `TLS_KEY_FILE` / `TLS_CERT_FILE` (both, e.g. a mounted Kubernetes/compose
 * secret), with `TLS_CA_FILE` as the CA to trust for a loopback issuer (default: the certificate itself);
 * neither set: the development certificate of https://localhost (scripts/dev-certs.cjs).
 * @throws Error naming the variable when only one of the two is set or a file cannot be read
 */
export async function loadServerTls(env: NodeJS.ProcessEnv = process.env): Promise<DevTls> {
  const certFile = env.TLS_CERT_FILE?.trim();
  const keyFile = env.TLS_KEY_FILE?.trim();
  if (!certFile && !keyFile) return loadDevTls();
  if (!certFile || !keyFile) throw new Error("TLS_CERT_FILE and TLS_KEY_FILE must be set together");
  const read = (name: string, file: string) =>
    readFile(file).catch((error: unknown) => {
      throw new Error(`${name}: cannot read ${file} (${error instanceof Error ? error.message : String(error)})`);
    });
  const [cert, key] = await Promise.all([read("TLS_CERT_FILE", certFile), read("TLS_KEY_FILE", keyFile)]);
  const caFile = env.TLS_CA_FILE?.trim();
  return { cert, key, ca: caFile ? await read("TLS_CA_FILE", caFile) : cert };
}

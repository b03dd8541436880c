// Types of scripts/lib/firstPaint.cjs for the TypeScript tests and benches.
export interface MeasuredFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}
export interface PageBytes {
  initial: { bytes: number; gzipBytes: number; files: MeasuredFile[] };
  officeJs?: { bytes: number; gzipBytes: number; files: MeasuredFile[] };
}
export const ROOT: string;
export const FLOOR_SOURCES: string;
export function gzipBytes(buffer: Buffer): number;
export function initialFiles(html: string, publicPath?: string): string[];
export function measurePage(dist: string, page: string, publicPath?: string): PageBytes | undefined;
export function buildPane(out: string, mode?: "production" | "development", env?: Record<string, string>): Promise<void>;
export function buildFloor(): Promise<string>;

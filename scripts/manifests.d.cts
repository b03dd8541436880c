// Types of scripts/manifests.cjs (renders manifest.xml and appPackage/ from manifest/addin.cjs).
import type { AddinDescription } from "../manifest/addin.cjs";
export interface ManifestSettings {
  /** Where the pane is served, without a trailing slash. */
  publicUrl: string;
  /** Origins the add-in may navigate to in its window (XML AppDomains; unified validDomains take their hosts). */
  appDomains: string[];
  webApplicationInfo?: { id: string; resource: string };
}
export declare const APP_PACKAGE_DIR: string;
/** File name of the app package zip inside APP_PACKAGE_DIR (manifest.json, language files and both icons at its root). */
export declare const APP_PACKAGE_ZIP: string;
export declare const DEV_PUBLIC_URL: string;
export declare const UNIFIED_MANIFEST_VERSION: string;
export declare function manifestSettingsFromEnv(env: Record<string, string | undefined>): ManifestSettings;
export declare function renderXmlManifest(addin: AddinDescription, settings: ManifestSettings): string;
export declare function renderUnifiedPackage(
  addin: AddinDescription,
  settings: ManifestSettings,
): { json: Record<string, object>; copies: Record<string, string> };
export declare function unifiedStringKeys(addin: AddinDescription): Record<string, string>;
export declare function appPackageZip(entries: Map<string, Buffer>): Buffer;
export declare function manifestFiles(settings: ManifestSettings, addin?: AddinDescription): Map<string, Buffer>;
export declare function writeManifests(outDir: string, settings: ManifestSettings): string[];

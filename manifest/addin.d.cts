// Types of manifest/addin.cjs (the one description of the add-in both manifests are rendered from).
type StringKey = "displayName" | "summary" | "description" | "groupLabel" | "buttonLabel" | "tooltip" | "getStartedTitle" | "getStartedDescription";
export interface AddinDescription {
  id: string;
  version: string;
  provider: string;
  accentColor: string;
  hosts: Array<{ key: string; xml: "Document" | "Presentation"; scope: "document" | "presentation" }>;
  requirementSets: Array<{ name: string; minVersion: string }>;
  permissions: string;
  pages: { taskpane: string; commands: string; support: string };
  taskpaneId: string;
  ribbon: { tab: string; groupId: string; buttonId: string };
  icons: { icon: string; highResolution: string; ribbon: Record<16 | 32 | 80, string>; color: string; outline: string };
  ssoScopes: string[];
  /** The first is the default language. */
  languages: Array<{ tag: "en" | "de" | "fr" | "es" | "ja" | "ar"; locale: string }>;
  strings: Record<"en" | "de" | "fr" | "es" | "ja" | "ar", Record<StringKey, string>>;
}
export declare const ADDIN: AddinDescription;

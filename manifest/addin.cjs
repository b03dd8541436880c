// The one description of the Illustrate add-in: scripts/manifests.cjs renders manifest.xml and appPackage/ from it.
"use strict";

/**
 * Languages of the ribbon and store strings: `tag` is the unified manifest's language tag (localizationInfo),
 * `locale` the XML manifest's `<Override Locale>` culture name. English is the default of both.
 */
const LANGUAGES = [
  { tag: "en", locale: "en-US" },
  { tag: "de", locale: "de-DE" },
  { tag: "fr", locale: "fr-FR" },
  { tag: "es", locale: "es-ES" },
  { tag: "ja", locale: "ja-JP" },
  { tag: "ar", locale: "ar-SA" },
];

/**
 * Strings per language. Names follow the Office UI of each language (Home = Start, Accueil, Inicio, ホーム,
 * الصفحة الرئيسية). Limits: `summary` ≤ 80 characters (unified `description.short`), `buttonLabel`/`groupLabel`/
 * `getStartedTitle` are XML ShortStrings (≤ 125), the rest LongStrings (≤ 250). "Illustrate" is the product name and
 * stays untranslated.
 */
const STRINGS = {
  en: {
    displayName: "Illustrate",
    summary: "Turn selected text into a picture for your document or slide.",
    description: "Turn the text you select into a picture and place it in your document or on your slide.",
    groupLabel: "Illustrate",
    buttonLabel: "Create image",
    tooltip: "Open Illustrate to turn the selected text into a picture and insert it.",
    getStartedTitle: "Illustrate is ready",
    getStartedDescription: "Select some text, then choose Home > Create image to turn it into a picture.",
  },
  de: {
    displayName: "Illustrate",
    summary: "Markierten Text in ein Bild für Dokument oder Folie verwandeln.",
    description: "Verwandeln Sie markierten Text in ein Bild, und fügen Sie es in Ihr Dokument oder auf Ihre Folie ein.",
    groupLabel: "Illustrate",
    buttonLabel: "Bild erstellen",
    tooltip: "Öffnet Illustrate, um aus dem markierten Text ein Bild zu erstellen und es einzufügen.",
    getStartedTitle: "Illustrate ist bereit",
    getStartedDescription: "Markieren Sie Text, und wählen Sie dann Start > Bild erstellen, um daraus ein Bild zu machen.",
  },
  fr: {
    displayName: "Illustrate",
    summary: "Transformez le texte sélectionné en image pour votre document ou diapositive.",
    description: "Transformez le texte sélectionné en image et insérez-la dans votre document ou sur votre diapositive.",
    groupLabel: "Illustrate",
    buttonLabel: "Créer une image",
    tooltip: "Ouvre Illustrate pour transformer le texte sélectionné en image et l’insérer.",
    getStartedTitle: "Illustrate est prêt",
    getStartedDescription: "Sélectionnez du texte, puis choisissez Accueil > Créer une image pour le transformer en image.",
  },
  es: {
    displayName: "Illustrate",
    summary: "Convierta el texto seleccionado en una imagen para su documento o diapositiva.",
    description: "Convierta el texto seleccionado en una imagen e insértela en su documento o en su diapositiva.",
    groupLabel: "Illustrate",
    buttonLabel: "Crear imagen",
    tooltip: "Abre Illustrate para convertir el texto seleccionado en una imagen e insertarla.",
    getStartedTitle: "Illustrate está listo",
    getStartedDescription: "Seleccione texto y elija Inicio > Crear imagen para convertirlo en una imagen.",
  },
  ja: {
    displayName: "Illustrate",
    summary: "選択したテキストを画像にして、文書やスライドに挿入します。",
    description: "選択したテキストから画像を作成し、文書やスライドに挿入します。",
    groupLabel: "Illustrate",
    buttonLabel: "画像の作成",
    tooltip: "Illustrate を開き、選択したテキストから画像を作成して挿入します。",
    getStartedTitle: "Illustrate の準備ができました",
    getStartedDescription: "テキストを選択し、[ホーム] > [画像の作成] を選ぶと画像になります。",
  },
  ar: {
    displayName: "Illustrate",
    summary: "حوّل النص المحدد إلى صورة لمستندك أو شريحتك.",
    description: "حوّل النص الذي تحدده إلى صورة وأدرجها في المستند أو على الشريحة.",
    groupLabel: "Illustrate",
    buttonLabel: "إنشاء صورة",
    tooltip: "يفتح Illustrate لتحويل النص المحدد إلى صورة وإدراجها.",
    getStartedTitle: "Illustrate جاهز",
    getStartedDescription: "حدد نصاً، ثم اختر الصفحة الرئيسية > إنشاء صورة لتحويله إلى صورة.",
  },
};

/**
 * The add-in. Paths are relative to the public URL (`https://localhost:3000` in development, ILLUSTRATE_PUBLIC_URL
 * in a production build). Icon files are in assets/ (drawn by scripts/make-icons.mjs); sizes in pixels.
 */
const ADDIN = {
  /** Add-in id: XML `<Id>` and the unified manifest's `id` (one app). */
  id: "6f0f1760-9d92-4acd-b635-78401f5ecd1b",
  /** `n.n.n` (unified); the XML manifest adds a fourth `.0`. Kept in step with package.json by the test. */
  version: "0.1.0",
  provider: "Illustrate",
  /** Fluent brand blue (the icon frame), the unified manifest's accentColor. */
  accentColor: "#0F6CBD",
  /**
   * Office apps. `xml` is the XML host name (Document = Word, Presentation = PowerPoint), `scope` the unified
   * manifest's requirements scope, `key` the part of the per-host ribbon ids.
   */
  hosts: [
    { key: "Word", xml: "Document", scope: "document" },
    { key: "PowerPoint", xml: "Presentation", scope: "presentation" },
  ],
  /**
   * Requirement sets every host must have to install the add-in (XML base `<Requirements>`, unified
   * `extensions[0].requirements.capabilities`). Never WordApi/PowerPointApi here: they apply to every host and would
   * hide the add-in from the other app; features are gated at run time (src/hosts/office/capabilities.ts).
   * DialogApi 1.1 is the sign-in fallback (src/auth/officeDialog.ts); every Word/PowerPoint with add-in commands has it.
   */
  requirementSets: [{ name: "DialogApi", minVersion: "1.1" }],
  permissions: "ReadWriteDocument",
  pages: { taskpane: "taskpane.html", commands: "commands.html", support: "assets/support.html" },
  /** Id of the task pane (XML `<TaskpaneId>`, unified runtime action id). */
  taskpaneId: "Illustrate.Taskpane",
  /** Ribbon: on the Home tab (`TabHome`) of each host, one group with one button that shows the task pane. */
  ribbon: { tab: "TabHome", groupId: "Group", buttonId: "CreateImage" },
  icons: {
    /** XML `<IconUrl>` (32 px) and `<HighResolutionIconUrl>` (64 px). */
    icon: "assets/icon-32.png",
    highResolution: "assets/icon-64.png",
    /** Ribbon icons by size (16, 32 and 80 px are mandatory). */
    ribbon: { 16: "assets/icon-16.png", 32: "assets/icon-32.png", 80: "assets/icon-80.png" },
    /** Unified manifest app icons, copied into the app package: color 192×192 px, outline 32×32 px white on transparent. */
    color: "assets/icon-192.png",
    outline: "assets/outline-32.png",
  },
  /** Scopes named in the XML `<WebApplicationInfo><Scopes>` (SSO's getAccessToken; MSAL asks for the same). */
  ssoScopes: ["openid", "profile"],
  languages: LANGUAGES,
  strings: STRINGS,
};

module.exports = { ADDIN };

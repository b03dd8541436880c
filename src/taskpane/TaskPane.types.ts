// Props and render state of the task pane.
import type { RefObject } from "react";
import type { AccountSession, SignedInAccount } from "../core/TokenProvider";
import type { IllustrateConfig } from "../core/config";
import type { StylePreset } from "../core/protocol/styles";
import type { AltText } from "../core/altText";
import type { AspectRatio } from "../core/types";
import type { DocumentHost, InsertTarget, PictureProvenance, SelectedPicture } from "../hosts/DocumentHost";
import type { PictureLibrary } from "../library/types";
import type { OpenLibrary } from "./hooks/useLibrary";
import type { ImageClient, PartialImage, QueueStatus } from "../imaging/ImageClient";
import type { DeckServices } from "./deck/deckServices";
import type { DeckPromptWriter } from "../imaging/deckPromptWriter";
import type { ModelCatalog } from "../imaging/modelCatalog";
import type { FitBox } from "../core/placement";
import type { ModelList } from "../core/protocol/models";
import type { ModelOptions } from "./components/ModelOptionsFields";
import type { PaneMessage } from "./errorMessages";
import type { InsertPreferences } from "./insertPreferences";
import type { History, HistoryItem } from "./history";
import type { Translate } from "./strings/strings";

/** What the pane needs from its surroundings. Components never call Office directly: `host` does. */
export interface TaskPaneProps {
  /** The document (Word, PowerPoint, or a workbench stand-in). */
  host: DocumentHost;
  /** Calls the image API. */
  imageClient: ImageClient;
  /** Sign-in state; when given, the pane shows the account with Sign in / Sign out. @default undefined */
  session?: AccountSession;
  /** Reads the gateway's `GET /v1/models` (issue #10); absent: the fixed sizes and no model options. */
  modelCatalog?: ModelCatalog;
  /** Build configuration; the pane names its `gatewayUrl` when the service cannot be reached (the client is already configured). @default readConfig() */
  config?: IllustrateConfig;
  /** The whole-deck flow's library, run store, clock and budget (tests). @default the account's IndexedDB stores */
  deckServices?: DeckServices;
  /** The whole-deck flow's remote prompt writer (from `PaneServices.promptWriter`). @default the local writer only */
  promptWriter?: DeckPromptWriter;
  /**
   * Opens the signed-in account's picture library (tests inject fake-indexeddb or a failing store).
   * @default the `library` chunk's `openAccountLibrary`, loaded after first paint
   */
  openLibrary?: OpenLibrary;
  /** Stable id of the open document (Office: `Office.context.document.url`), recorded with inserts. @default host.kind */
  documentId?: string;
}

/** What Insert will do with the chosen picture, said on the button before the click. */
export type InsertMode = "insert" | "replace";

/** The prompt text and where it came from: typed text is never overwritten by a selection change. */
export interface PromptState {
  text: string;
  source: "selection" | "typed";
}

/** Options the person picks; persisted. */
export interface GenerationOptions {
  style: StylePreset;
  aspect: AspectRatio;
  /** Number of pictures, 1–4. */
  count: number;
}

/** One generation's results and where they go. */
export interface Batch {
  id: string;
  prompt: string;
  /** Style and aspect of the run (kept with the pictures in the library). */
  style: StylePreset;
  aspect: AspectRatio;
  /** Regenerate: the first picture replaces the selected one in place as soon as it is saved. */
  replaceInPlace?: boolean;
  /** The picture selected at Generate (the Replace target), if any. */
  picture?: SelectedPicture;
  /** The place captured at Generate (`host.captureTarget()`); undefined when the host could not capture it. */
  target?: InsertTarget;
}

/** Everything {@link renderTaskPane} draws, and the handlers it wires. */
export interface TaskPaneState {
  t: Translate;
  appName: string;
  prompt: PromptState;
  promptRef: RefObject<HTMLTextAreaElement | null>;
  promptValidation?: string;
  promptNotice?: PaneMessage;
  options: GenerationOptions;
  /** The served models once read (absent: no catalog, or not read yet). */
  models?: ModelList;
  modelOptions: ModelOptions;
  /** The box Fit shapes for now (the selected picture, the slide's placeholder / free area / slide, the text column). */
  fitBox?: FitBox;
  onModelOptionsChange(change: Partial<ModelOptions>): void;
  aspectFromPicture: boolean;
  generating: boolean;
  /** What is running: a new picture or an edit of the selected one. */
  generatingKind?: "create" | "edit";
  /** The gateway's queue position while waiting (streaming only). */
  queue?: QueueStatus;
  elapsedSeconds: number;
  partials: readonly PartialImage[];
  message?: PaneMessage;
  results: readonly HistoryItem[];
  selectedId?: string;
  firstResultRef: RefObject<HTMLInputElement | null>;
  altDescription: string;
  insertMode: InsertMode;
  /** Replace only: alt text a person wrote on the picture to replace; kept unless {@link overwriteAltText}. */
  personAltText?: AltText;
  /** The person ticked "Replace its alt text with mine" (`ReplaceOptions.overwriteAltText`). */
  overwriteAltText: boolean;
  /** The Insert button's text and accessible name: "Insert after selection", "Replace selected picture", … */
  insertLabel: string;
  /** Which placement options apply. */
  documentKind: "word" | "slide";
  insertPrefs: InsertPreferences;
  insertAvailable: boolean;
  /** "Insert again" from the history inserts at the current selection: needs `insertPicture`. */
  insertAgainAvailable: boolean;
  insertUnavailableReason?: string;
  inserting: boolean;
  /** Pictures of this pane session kept only in memory (all of them until the library is open; then the unsaved ones). */
  history: History;
  /** The number in "History (n)": the library's pictures plus the unsaved ones. */
  historyCount: number;
  /** The account's library, once open. */
  library?: PictureLibrary;
  /** Not persistent / blocked / closed by a newer pane. */
  libraryNotice?: PaneMessage;
  /** The id inserts are recorded under ("this document" filter). */
  documentId: string;
  /** The selected picture is Illustrate's own: how it was made (Regenerate / Variation). */
  provenance?: PictureProvenance;
  /** The host can replace the selected picture. */
  replaceAvailable: boolean;
  /** A picture is selected in the document (Edit applies to it). */
  pictureSelected: boolean;
  /** Edit is possible here (host can read picture bytes and the client can edit). */
  canEdit: boolean;
  /** Why Edit is not available, when a picture is selected but the host cannot read it. */
  editUnavailableReason?: string;
  /** `libraryKept`: the account's pictures are kept on this computer (say so; offer to delete them). */
  account?: { session: AccountSession; account: SignedInAccount | null; busy: boolean; libraryKept: boolean };

  onPromptChange(text: string): void;
  onPromptKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>): void;
  onUseSelection(): void;
  onOptionsChange(options: Partial<GenerationOptions>): void;
  onGenerate(): void;
  onEdit(): void;
  onCancel(): void;
  onPaneKeyDown(event: React.KeyboardEvent<HTMLElement>): void;
  onSelectResult(id: string): void;
  onAltDescriptionChange(text: string): void;
  onOverwriteAltTextChange(overwrite: boolean): void;
  onInsert(): void;
  onInsertPrefsChange(change: Partial<InsertPreferences>): void;
  onInsertAgain(id: string): void;
  onDiscard(id: string): void;
  onLibraryInsert(libraryId: string): void;
  onLibraryReplace(libraryId: string): void;
  /** A library picture was deleted from the panel: drop it from the results. */
  onLibraryDeleted(libraryId: string): void;
  onDeleteAllPictures(): Promise<void>;
  /** Same prompt and style as the selected Illustrate picture, a new picture, replaced in place. */
  onRegenerate(): void;
  /** An edit of the selected Illustrate picture with its stored prompt. */
  onVariation(): void;
  onDismissMessage(): void;
  onDismissPromptNotice(): void;
  onSignIn(): void;
  onSignOut(): void;
}

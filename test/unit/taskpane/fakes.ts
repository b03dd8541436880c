// Hand-made fakes of DocumentHost, ImageClient and AccountSession for the task pane's tests.
import type { AccountSession, SignedInAccount } from "../../../src/core/TokenProvider";
import type { BackendInfo, GeneratedImage, PictureData } from "../../../src/core/types";
import type {
  DocumentHost,
  HostCapabilities,
  HostKind,
  InsertOptions,
  InsertResult,
  InsertTarget,
  ReplaceOptions,
  SelectedPicture,
  SelectionSnapshot,
  SlidePlacement,
} from "../../../src/hosts/DocumentHost";
import type { FitBox } from "../../../src/core/placement";
import { CancelledError } from "../../../src/imaging/errors";
import { PNG_1X1 } from "../../support/pictures";
import type { GenerateCallbacks, ImageClient, ImageEditRequest, ImageGenerateRequest } from "../../../src/imaging/ImageClient";

export const LOCAL_BACKEND: BackendInfo = { provider: "local", model: "local-renderer", offline: true };
export const MAI_BACKEND: BackendInfo = { provider: "foundry-mai", model: "MAI-Image-2", offline: false };

/** A generated image of the given size (pixels) from `backend`. */
export function fakeImage(widthPx = 1024, heightPx = 1024, backend: BackendInfo = LOCAL_BACKEND): GeneratedImage {
  return { base64: PNG_1X1, mimeType: "image/png", size: { widthPx, heightPx }, backend };
}

const ALL_FEATURES: HostCapabilities = {
  features: { insertPicture: true, replacePicture: true, editPicture: true, altText: true, deck: true, provenance: true },
  reasons: {},
};

/** Records every call; selection, failures and capabilities are set by the test. */
export class FakeHost implements DocumentHost {
  selection: SelectionSnapshot = { text: "" };
  readonly inserts: { picture: PictureData; options: InsertOptions }[] = [];
  readonly replaces: { target: SelectedPicture; picture: PictureData; options: ReplaceOptions }[] = [];
  readonly targets: InsertTarget[] = [];
  readSelectionCalls = 0;
  /** Errors thrown by the next insert/replace calls, in order. */
  insertFailures: unknown[] = [];
  insertResult: InsertResult = { sizePt: { widthPt: 468, heightPt: 468 } };
  /** What `fitBox` answers (absent: the host cannot tell, as a host without the method). */
  fitBoxValue?: FitBox;
  /** The `slidePlacement` of each `fitBox` call. */
  readonly fitBoxCalls: (SlidePlacement | undefined)[] = [];
  private listeners = new Set<() => void>();

  constructor(
    readonly kind: HostKind = "workbench-word",
    public capabilities: HostCapabilities = JSON.parse(JSON.stringify(ALL_FEATURES)) as HostCapabilities,
  ) {}

  async readSelection(): Promise<SelectionSnapshot> {
    this.readSelectionCalls++;
    return JSON.parse(JSON.stringify(this.selection)) as SelectionSnapshot;
  }

  async fitBox(options?: { slidePlacement?: SlidePlacement }): Promise<FitBox | undefined> {
    this.fitBoxCalls.push(options?.slidePlacement);
    return this.fitBoxValue;
  }

  async captureTarget(): Promise<InsertTarget> {
    const target: InsertTarget = { host: this.kind, data: { at: this.selection.text, n: this.targets.length } };
    this.targets.push(target);
    return target;
  }

  async insertPicture(picture: PictureData, options: InsertOptions): Promise<InsertResult> {
    const failure = this.insertFailures.shift();
    if (failure) throw failure;
    this.inserts.push({ picture, options });
    return this.insertResult;
  }

  async replacePicture(target: SelectedPicture, picture: PictureData, options: ReplaceOptions): Promise<InsertResult> {
    const failure = this.insertFailures.shift();
    if (failure) throw failure;
    this.replaces.push({ target, picture, options });
    return this.insertResult;
  }

  async readPictureBytes(_picture: SelectedPicture): Promise<PictureData> {
    return { base64: PNG_1X1, mimeType: "image/png", size: { widthPx: 1, heightPx: 1 } };
  }

  onSelectionChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes the selection and fires the change event, as Office does (when it does not miss it). */
  select(selection: SelectionSnapshot): void {
    this.selection = selection;
    for (const listener of this.listeners) listener();
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

/** One pending call to the fake client, resolved or rejected by the test. */
export interface PendingCall {
  kind: "generate" | "edit";
  request: ImageGenerateRequest | ImageEditRequest;
  callbacks: GenerateCallbacks;
  resolve(images: GeneratedImage[]): void;
  reject(error: unknown): void;
}

/**
 * An ImageClient whose calls wait until the test settles them. An abort rejects the call with
 * `CancelledError`, as the real client does.
 */
export class FakeImageClient implements ImageClient {
  readonly calls: PendingCall[] = [];

  generate(request: ImageGenerateRequest, callbacks: GenerateCallbacks = {}): Promise<GeneratedImage[]> {
    return this.pending("generate", request, callbacks);
  }

  edit(request: ImageEditRequest, callbacks: GenerateCallbacks = {}): Promise<GeneratedImage[]> {
    return this.pending("edit", request, callbacks);
  }

  get last(): PendingCall {
    const call = this.calls.at(-1);
    if (!call) throw new Error("the image client was not called");
    return call;
  }

  private pending(kind: PendingCall["kind"], request: PendingCall["request"], callbacks: GenerateCallbacks) {
    return new Promise<GeneratedImage[]>((resolve, reject) => {
      callbacks.signal?.addEventListener("abort", () => reject(new CancelledError()), { once: true });
      this.calls.push({ kind, request, callbacks, resolve, reject });
    });
  }
}

/** An AccountSession with an in-memory account. */
export class FakeSession implements AccountSession {
  account: SignedInAccount | null = null;
  signInResult: SignedInAccount = { name: "Ada Lovelace", username: "ada@contoso.com", homeAccountId: "oid-ada.tid-contoso" };
  private listeners = new Set<(account: SignedInAccount | null) => void>();

  async getToken(): Promise<string> {
    return "token";
  }
  getAccount(): SignedInAccount | null {
    return this.account;
  }
  async signIn(): Promise<SignedInAccount> {
    this.set(this.signInResult);
    return this.signInResult;
  }
  async signOut(): Promise<void> {
    this.set(null);
  }
  subscribe(listener: (account: SignedInAccount | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private set(account: SignedInAccount | null) {
    this.account = account;
    for (const listener of this.listeners) listener(account);
  }
}

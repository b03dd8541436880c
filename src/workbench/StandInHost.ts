// What both workbench stand-in hosts share: the store, reading the DOM selection first, targets, selection events.
import type { PictureData } from "../core/types";
import type { HostKind, InsertTarget, SelectedPicture } from "../hosts/DocumentHost";
import { HostError } from "../hosts/errors";
import { STAND_IN_CAPABILITIES } from "./standInCapabilities";
import type { Store } from "./store";

/** Options of a stand-in host. */
export interface StandInHostOptions {
  /**
   * Copies the DOM selection into the store when it lies in this document (the view supplies it). Called before
   * every read: selection events can be missed, as in Office (office-js #2964, #5390), so reads never rely on them.
   */
  syncSelection?: () => void;
}

/**
 * Base of the Word page and slide hosts. `S` is the document state, `T` what `captureTarget` records, `P` a
 * picture in the document. Subclasses implement the DocumentHost methods that change their document.
 */
export abstract class StandInHost<S, T, P extends { picture: PictureData }> {
  abstract readonly kind: HostKind;
  /** How messages name the document, e.g. "the page". */
  protected abstract readonly documentName: string;
  readonly capabilities = STAND_IN_CAPABILITIES;

  /**
   * @param store the document state
   * @param selectionKey a value that changes exactly when the selection does (compared with `Object.is`)
   * @param options see {@link StandInHostOptions}
   */
  constructor(
    protected readonly store: Store<S>,
    private readonly selectionKey: (state: S) => unknown,
    private readonly options: StandInHostOptions = {},
  ) {}

  /** The state after copying in the current DOM selection. */
  protected current(): S {
    this.options.syncSelection?.();
    return this.store.get();
  }

  /** An insert target for this document holding `data`. */
  protected target(data: T): InsertTarget {
    return { host: this.kind, data };
  }

  /**
   * The data of a captured target, or undefined when none was given.
   * @throws HostError `unknown` when the target was captured in another document.
   */
  protected capturedData(target: InsertTarget | undefined): T | undefined {
    if (target === undefined) return undefined;
    if (target.host !== this.kind) {
      throw new HostError("unknown", `The insert target belongs to another document (${target.host}), not ${this.kind}`);
    }
    return target.data as T;
  }

  /** Picture `id` in `state`, or undefined when there is none (deleted, or not a picture). */
  protected abstract findPicture(state: S, id: string): P | undefined;

  /**
   * Picture `target` in `state`.
   * @throws HostError `picture_gone` when it is no longer in the document.
   */
  protected pictureOrGone(state: S, target: SelectedPicture): P {
    const picture = this.findPicture(state, target.id);
    if (!picture) throw new HostError("picture_gone", `The selected picture is no longer in ${this.documentName}`);
    return picture;
  }

  /** The bytes of picture `target`: the stand-ins hold them (like Word's `InlinePicture.getBase64ImageSrc()`). */
  async readPictureBytes(target: SelectedPicture): Promise<PictureData> {
    return this.pictureOrGone(this.store.get(), target).picture;
  }

  /** Calls `listener` when the selection changes (not on every document edit). Returns an unsubscribe. */
  onSelectionChanged(listener: () => void): () => void {
    let last = this.selectionKey(this.store.get());
    return this.store.subscribe(() => {
      const key = this.selectionKey(this.store.get());
      if (Object.is(key, last)) return;
      last = key;
      listener();
    });
  }
}

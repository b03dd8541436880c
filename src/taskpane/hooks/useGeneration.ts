// Runs one generation (or edit) at a time: re-reads the selection, captures the place, calls the image API, cancels.
import { useCallback, useEffect, useRef, useState } from "react";
import { useLatest } from "./useLatest";
import { API_SIZE } from "../../core/sizes";
import { styledPrompt } from "../../core/protocol/styles";
import type { GeneratedImage } from "../../core/types";
import type { DocumentHost, InsertTarget, SlidePlacement } from "../../hosts/DocumentHost";
import type { GenerateCallbacks, ImageClient, PartialImage, QueueStatus } from "../../imaging/ImageClient";
import { messageForError, type PaneMessage } from "../errorMessages";
import type { ModelList } from "../../core/protocol/models";
import type { ModelOptions } from "../components/ModelOptionsFields";
import { readFitBox } from "./useFitBox";
import type { Batch, GenerationOptions } from "../TaskPane.types";
import type { SelectionRead, SelectionReason } from "./useSelectionPrompt";

/** Partial images asked for when streaming (gpt-image `partial_images`, 0–3). */
const PARTIAL_IMAGES = 2;

/** What kind of run is in progress. */
export type GenerationKind = "create" | "edit";

/**
 * Overrides of one run: Regenerate and Variation of an Illustrate picture use its stored prompt and style
 * (`PictureProvenance`) instead of the prompt box and the style picker.
 */
export interface RunOverrides {
  prompt?: string;
  style?: GenerationOptions["style"];
  /** Count of pictures. */
  count?: number;
  /** Replace the selected picture with the first result as soon as it is saved (Regenerate). */
  replaceInPlace?: boolean;
}

export interface UseGenerationArgs {
  host: DocumentHost;
  imageClient: ImageClient;
  app: string;
  /** Named in "can't reach the image service" messages. */
  gatewayUrl?: string;
  options: GenerationOptions;
  /** Where a new picture goes on a slide: the Fit box follows it (`DocumentHost.fitBox`). @default "auto" */
  slidePlacement?: SlidePlacement;
  /** `GET /v1/models` (issue #10); absent: the three fixed sizes as before. */
  models?: ModelList;
  /** The model-driven choices (model, quality, transparent background). */
  modelOptions?: ModelOptions;
  readSelection(reason: SelectionReason): Promise<SelectionRead>;
  /**
   * Called with the validated images of a finished run; the run stays "running" until it settles (the pane saves
   * the pictures to the library before it shows them).
   */
  onResults(batch: Batch, images: GeneratedImage[], sentPrompt: string): void | Promise<void>;
  /** Called when there is no prompt to send. */
  onEmptyPrompt(): void;
  setMessage(message: PaneMessage | undefined): void;
}

let runCounter = 0;

/** The model rules (../modelRequest, core/protocol/models): only once the served models are known; see {@link preloadModelRules}. */
const loadModelRules = () => import(/* webpackChunkName: "model-rules" */ "../modelRequest");

/** Fetches the model rules now (after first paint), so the first Generate with a models list does not wait on them. */
export function preloadModelRules(): Promise<void> {
  return loadModelRules().then(() => undefined);
}

/**
 * Generation state and actions. One run at a time; Cancel aborts the request (the client rejects with
 * `CancelledError`) and returns the pane to idle at once, ignoring whatever the aborted call still returns.
 */
export function useGeneration(args: UseGenerationArgs) {
  const [running, setRunning] = useState<GenerationKind>();
  const [partials, setPartials] = useState<PartialImage[]>([]);
  const [queue, setQueue] = useState<QueueStatus>();
  const current = useRef<{ id: number; controller: AbortController }>(undefined);
  const argsRef = useLatest(args);

  // Abort a running request when the pane goes away.
  useEffect(() => () => current.current?.controller.abort(), []);

  const run = useCallback(
    async (kind: GenerationKind, overrides: RunOverrides = {}) => {
      if (current.current) return;
      const id = ++runCounter;
      const controller = new AbortController();
      current.current = { id, controller };
      const stale = () => current.current?.id !== id;
      const {
        host,
        imageClient,
        app,
        gatewayUrl,
        options,
        slidePlacement,
        models,
        modelOptions,
        readSelection,
        onResults,
        onEmptyPrompt,
        setMessage,
      } = argsRef.current;
      setMessage(undefined);
      setPartials([]);
      setQueue(undefined);
      setRunning(kind);
      try {
        // Selection events get lost (office-js #2964 Word, #5390 PowerPoint Mac): always re-read on Generate.
        const read = await readSelection("generate");
        if (stale()) return;
        const prompt = (overrides.prompt ?? read.prompt).trim();
        if (!prompt) {
          onEmptyPrompt();
          return;
        }
        const picture = read.snapshot?.picture;
        const target = await captureTarget(host);
        if (stale()) return;
        // Fit: the Replace target's box, else where the new picture goes (read now: the selection may have moved).
        const fitBox = models ? await readFitBox(host, picture, slidePlacement ?? "auto") : undefined;
        const rules = models ? await loadModelRules() : undefined;
        if (stale()) return;
        const style = overrides.style ?? options.style;
        const count = overrides.count ?? options.count;
        const sentPrompt = styledPrompt(prompt, style);
        const stream = count === 1;
        const callbacks: GenerateCallbacks = {
          signal: controller.signal,
          onPartial: (partial) => {
            if (stale()) return;
            setPartials((list) => [...list.filter((p) => p.index !== partial.index), { ...partial }]);
          },
          onQueue: (status) => {
            if (!stale()) setQueue(status);
          },
        };
        const common = {
          prompt: sentPrompt,
          n: count,
          ...(models && rules ? rules.modelRequestFields(models, modelOptions, fitBox) : { size: API_SIZE[options.aspect] }),
          output_format: "png" as const,
          ...(stream ? { stream: true, partial_images: PARTIAL_IMAGES } : {}),
        };
        let images: GeneratedImage[];
        if (kind === "edit") {
          if (!picture) {
            setMessage({ intent: "warning", key: "error.readPicture" });
            return;
          }
          let bytes;
          try {
            bytes = await host.readPictureBytes(picture);
          } catch (error) {
            if (!stale()) setMessage(messageForError(error, "readPicture", app));
            return;
          }
          if (stale()) return;
          images = await imageClient.edit({ ...common, image: bytes }, callbacks);
        } else {
          images = await imageClient.generate(common, callbacks);
        }
        if (stale()) return;
        const batch: Batch = {
          id: `batch-${id}`,
          prompt,
          style,
          aspect: rules && modelOptions ? rules.aspectOfShape(modelOptions.shape, fitBox?.sizePt) : options.aspect,
          ...(picture ? { picture } : {}),
          ...(target ? { target } : {}),
          ...(overrides.replaceInPlace && picture ? { replaceInPlace: true } : {}),
        };
        await onResults(batch, images, sentPrompt);
      } catch (error) {
        if (!stale()) setMessage(messageForError(error, "generate", app, gatewayUrl));
      } finally {
        if (!stale()) {
          current.current = undefined;
          setRunning(undefined);
          setPartials([]);
          setQueue(undefined);
        }
      }
    },
    [argsRef],
  );

  const cancel = useCallback(() => {
    const active = current.current;
    if (!active) return;
    current.current = undefined;
    active.controller.abort();
    setRunning(undefined);
    setPartials([]);
    setQueue(undefined);
    argsRef.current.setMessage({ intent: "info", key: "error.cancelled" });
  }, [argsRef]);

  const generate = useCallback((overrides?: RunOverrides) => void run("create", overrides), [run]);
  const edit = useCallback((overrides?: RunOverrides) => void run("edit", overrides), [run]);
  return { running, partials, queue, generate, edit, cancel };
}

/**
 * Where the picture should go, captured now so it lands there even if the selection moves while waiting.
 * A host that cannot capture (e.g. nothing selected yet) inserts at the selection current at Insert time.
 */
async function captureTarget(host: DocumentHost): Promise<InsertTarget | undefined> {
  try {
    return await host.captureTarget();
  } catch {
    return undefined;
  }
}

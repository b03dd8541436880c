// Hand-made stand-in for the Office.js request model: queued commands, load + sync, tracked objects, errors.

/** An error shaped like `OfficeExtension.Error` (code, message, debugInfo). */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

/** An `Office.Error` of the Common API (numeric code). */
export interface FakeCommonError {
  code: number;
  name: string;
  message: string;
}

type Op = () => void;

/**
 * A request context: commands are queued and run in order at `sync()`; the first one that throws rejects the sync
 * and the rest are dropped (what ran before stays done, as in Office). A context lives for one `run`; objects
 * made in it can be used in a later `run(object, …)` only if they were tracked.
 */
export class FakeContext {
  private queue: Op[] = [];
  /** Incremented at each `run` on this context. */
  generation = 0;
  open = false;
  syncCount = 0;
  /** Set by tests to make a sync fail before running its commands (e.g. a host that is gone). */
  failNextSync?: FakeOfficeError;

  enqueue(op: Op): void {
    if (!this.open) throw new FakeOfficeError("InvalidRequestContext", "The request context is no longer valid.");
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    this.syncCount++;
    await Promise.resolve();
    const ops = this.queue.splice(0);
    if (this.failNextSync) {
      const error = this.failNextSync;
      this.failNextSync = undefined;
      throw error;
    }
    for (const op of ops) op();
  }

  /** `Word.run` / `PowerPoint.run`: the batch, then a final sync of what is still queued. */
  async run<C extends FakeContext, T>(this: C, batch: (context: C) => Promise<T>): Promise<T> {
    this.open = true;
    this.generation++;
    try {
      const result = await batch(this);
      if (this.pending > 0) await this.sync();
      return result;
    } finally {
      this.open = false;
    }
  }
}

const NOT_LOADED = (name: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/** Splits an Office load spec (`"a,b"`, `["a"]`, `"items/a,items/b/c"`, `{ select: … }`) into paths. */
export function loadPaths(spec?: string | string[] | { select?: string | string[] }): string[] {
  if (spec === undefined) return [];
  if (typeof spec === "object" && !Array.isArray(spec)) return loadPaths(spec.select);
  const list = Array.isArray(spec) ? spec : spec.split(",");
  return list.map((p) => p.trim()).filter(Boolean);
}

/**
 * Base of every fake proxy object. Properties read through {@link FakeObject.read} throw `PropertyNotLoaded` until
 * they were loaded and synced; writes are queued and also visible locally at once, as in Office.js.
 */
export abstract class FakeObject {
  protected readonly snapshot = new Map<string, unknown>();
  private readonly bornIn: number;
  private tracked = false;
  /** Scalar properties `load()` with no argument loads. */
  protected abstract readonly scalars: readonly string[];

  constructor(readonly context: FakeContext) {
    this.bornIn = context.generation;
  }

  /** Current value of a property in the document model (throws if the object is gone). */
  protected abstract current(name: string): unknown;
  /** Writes a property into the document model. */
  protected assign(name: string, _value: unknown): void {
    throw new FakeOfficeError("InvalidArgument", `The property '${name}' is read-only.`);
  }
  /** A navigation property (child object) for nested load paths like `placeholderFormat/type`. */
  protected child(name: string): FakeObject | undefined {
    void name;
    return undefined;
  }

  /** Queues a command against this object; rejects at sync if the object belongs to a finished batch. */
  protected command(op: Op): void {
    this.context.enqueue(() => {
      if (!this.tracked && this.bornIn !== this.context.generation) {
        throw new FakeOfficeError("InvalidObjectPath", "The object path is not valid: the object was not tracked.");
      }
      op();
    });
  }

  load(spec?: string | string[] | { select?: string | string[] }): this {
    const paths = loadPaths(spec);
    this.command(() => this.applyLoad(paths.length ? paths : [...this.scalars]));
    return this;
  }

  /** Runs at sync: copies values from the model into the snapshot. */
  applyLoad(paths: string[]): void {
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      const child = this.child(head);
      if (child) child.applyLoad(rest.length ? [rest.join("/")] : [...child.scalars]);
      else this.snapshot.set(head, this.current(head));
    }
  }

  private readonly navigation = new Map<string, unknown>();
  /** Navigation properties return the same proxy on every access, as in Office.js. */
  protected nav<T>(name: string, make: () => T): T {
    if (!this.navigation.has(name)) this.navigation.set(name, make());
    return this.navigation.get(name) as T;
  }

  protected read<T>(name: string): T {
    if (!this.snapshot.has(name)) throw NOT_LOADED(name);
    return this.snapshot.get(name) as T;
  }

  protected write(name: string, value: unknown): void {
    this.snapshot.set(name, value);
    this.command(() => this.assign(name, value));
  }

  track(): this {
    this.command(() => {
      this.tracked = true;
    });
    return this;
  }

  untrack(): this {
    this.command(() => {
      this.tracked = false;
    });
    return this;
  }
}

/** `OfficeExtension.ClientResult`: `value` throws until the sync that fills it. */
export class FakeClientResult<T> {
  private filled = false;
  private result?: T;
  set(value: T): void {
    this.filled = true;
    this.result = value;
  }
  get value(): T {
    if (!this.filled) throw new FakeOfficeError("ValueNotLoaded", "The value of the result object has not been loaded yet. Call context.sync().");
    return this.result as T;
  }
}

/** Defines getters (and setters for `writable`) on a fake class that go through read/write. */
export function defineProps(target: { prototype: object }, readonly: readonly string[], writable: readonly string[] = []): void {
  for (const name of readonly) {
    Object.defineProperty(target.prototype, name, {
      get(this: { read(n: string): unknown }) {
        return this.read(name);
      },
      configurable: true,
    });
  }
  for (const name of writable) {
    Object.defineProperty(target.prototype, name, {
      get(this: { read(n: string): unknown }) {
        return this.read(name);
      },
      set(this: { write(n: string, v: unknown): void }, value: unknown) {
        this.write(name, value);
      },
      configurable: true,
    });
  }
}

/** Reads the pixel size from PNG (IHDR) or JPEG (SOFn) bytes, as a host would when it decodes a picture. */
export function pixelSizeOf(base64: string): { widthPx: number; heightPx: number } {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { widthPx: bytes.readUInt32BE(16), heightPx: bytes.readUInt32BE(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i < bytes.length) {
      const marker = bytes[i + 1];
      const length = bytes.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xc3) return { widthPx: bytes.readUInt16BE(i + 7), heightPx: bytes.readUInt16BE(i + 5) };
      i += 2 + length;
    }
  }
  throw new FakeOfficeError("InvalidArgument", "The picture is not valid: not a PNG or JPEG.");
}

/** A fake `Office.AsyncResult`. */
export function asyncResult<T>(value: T, error?: FakeCommonError): Office.AsyncResult<T> {
  return {
    status: (error ? "failed" : "succeeded") as unknown as Office.AsyncResultStatus,
    value,
    error: error as unknown as Office.Error,
    asyncContext: undefined,
    diagnostics: undefined,
  };
}

/**
 * Base of fake collections: loading `items` (or `items/a,items/b`) makes one proxy per model entry at sync and
 * loads the sub-paths into each.
 */
export abstract class FakeCollection<M, I extends FakeObject> extends FakeObject {
  protected readonly scalars = ["items"];
  /** The entries of the collection in the model, at sync time. */
  protected abstract models(): M[];
  /** A proxy for one entry. */
  protected abstract makeItem(model: M): I;
  protected current(): unknown {
    return undefined;
  }
  override applyLoad(paths: string[]): void {
    const sub = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    this.snapshot.set(
      "items",
      this.models().map((model) => {
        const item = this.makeItem(model);
        item.applyLoad(sub);
        return item;
      }),
    );
  }
  get items(): I[] {
    return this.read("items");
  }
}

/** The `Office.context.document` parts both fakes share: `mode` and DocumentSelectionChanged handlers. */
export function fakeOfficeDocument(owner: { mode: string; handlers: Array<() => void> }, extra: object = {}): object {
  return Object.defineProperties(
    {
      addHandlerAsync: (_type: unknown, handler: () => void, callback?: (r: Office.AsyncResult<void>) => void) => {
        owner.handlers.push(handler);
        callback?.(asyncResult(undefined));
      },
      removeHandlerAsync: (_type: unknown, options?: { handler?: () => void }) => {
        const i = owner.handlers.indexOf(options?.handler as () => void);
        if (i >= 0) owner.handlers.splice(i, 1);
      },
      ...extra,
    },
    { mode: { get: () => owner.mode, enumerable: true } },
  );
}

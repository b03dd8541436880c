// Where whole-deck runs are kept between pane sessions: one small Dexie database per account, beside the picture library.
import Dexie, { type Table } from "dexie";
import { parseRun, serializeRun, type DeckItemKind, type DeckRun } from "../../core/deck";
import { DATABASE_PREFIX, libraryDatabaseName, type LibraryAccount } from "../../library";

/** Prefix of the run databases; the rest of the name is the account hash the picture library uses. */
export const RUN_DATABASE_PREFIX = "illustrate-deck-runs-";

/**
 * One stored run: the JSON of `serializeRun`, when it was last written (ms since the epoch) and whose items it holds
 * (`slide`: PowerPoint, `section`: Word; absent in rows written before it was kept: read from the JSON).
 */
interface RunRow {
  runId: string;
  updated: number;
  json: string;
  kind?: DeckItemKind;
}

/** The kind of a run's items (a run holds one app's items: slides or sections). */
function kindOf(run: DeckRun): DeckItemKind | undefined {
  const first = run.order[0];
  return first === undefined ? undefined : run.items[first]?.kind;
}

const rowOf = (run: DeckRun, updated: number): RunRow => {
  const kind = kindOf(run);
  return { runId: run.runId, updated, json: serializeRun(run), ...(kind ? { kind } : {}) };
};

class RunDatabase extends Dexie {
  runs!: Table<RunRow, string>;
  constructor(name: string, options: { indexedDB: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }) {
    super(name, options);
    this.version(1).stores({ runs: "runId, updated" });
  }
}

/**
 * The runs of one account. Writes are serialised in call order (the last write of a run wins); the pane saves after
 * every action of the run reducer, so a reload loses at most the action in flight.
 */
export interface RunStore {
  /** True when runs survive a reload (IndexedDB); false for the in-memory fallback. */
  readonly persistent: boolean;
  /** Stores the run (replacing the stored one with the same `runId`). @throws when IndexedDB refuses the write. */
  save(run: DeckRun): Promise<void>;
  /**
   * The most recently written run of `kind` that parses (`parseRun`); damaged rows are skipped. The account's store
   * holds both apps' runs: a Word run (`section`) is found even when a slide run was written after it.
   */
  latest(kind: DeckItemKind): Promise<DeckRun | undefined>;
  /** Forgets a run (its pictures stay in the library). */
  remove(runId: string): Promise<void>;
  close(): void;
}

/** Keeps runs in memory only (no IndexedDB): used when it is missing or cannot be opened, and in tests. */
export class MemoryRunStore implements RunStore {
  readonly persistent = false;
  private readonly rows = new Map<string, RunRow>();
  private clock = 0;
  async save(run: DeckRun): Promise<void> {
    this.rows.set(run.runId, rowOf(run, ++this.clock));
  }
  async latest(kind: DeckItemKind): Promise<DeckRun | undefined> {
    return newestParsed([...this.rows.values()], kind);
  }
  async remove(runId: string): Promise<void> {
    this.rows.delete(runId);
  }
  close(): void {}
}

class DexieRunStore implements RunStore {
  readonly persistent = true;
  private queue: Promise<void> = Promise.resolve();
  private last = 0;
  constructor(
    private readonly db: RunDatabase,
    private readonly now: () => number,
  ) {}
  save(run: DeckRun): Promise<void> {
    // Strictly increasing `updated` even within one millisecond, so `latest` is the last run written.
    const updated = (this.last = Math.max(this.last + 1, this.now()));
    const row = rowOf(run, updated);
    const write = this.queue.then(() => this.db.runs.put(row)).then(() => undefined);
    this.queue = write.catch(() => undefined);
    return write;
  }
  async latest(kind: DeckItemKind): Promise<DeckRun | undefined> {
    await this.queue;
    const rows = await this.db.runs
      .orderBy("updated")
      .reverse()
      .filter((row) => row.kind === undefined || row.kind === kind)
      .limit(10)
      .toArray();
    return newestParsed(rows, kind);
  }
  async remove(runId: string): Promise<void> {
    await this.queue;
    await this.db.runs.delete(runId);
  }
  close(): void {
    this.db.close();
  }
}

function newestParsed(rows: RunRow[], kind: DeckItemKind): DeckRun | undefined {
  for (const row of [...rows].sort((a, b) => b.updated - a.updated)) {
    const parsed = parseRun(row.json);
    if (parsed.ok && kindOf(parsed.run) === kind) return parsed.run;
  }
  return undefined;
}

/** Options of {@link openRunStore}. */
export interface OpenRunStoreOptions {
  account: LibraryAccount;
  /** @default globalThis.indexedDB (fake-indexeddb in tests); `null` forces the memory store. */
  indexedDB?: IDBFactory | null;
  IDBKeyRange?: typeof IDBKeyRange;
  /** @default Date.now */
  now?: () => number;
}

/**
 * Opens the run store of `account`: database `illustrate-deck-runs-<hash>`, the same account hash as the picture
 * library's (`libraryDatabaseName`), so one account never sees another's runs. Never throws: falls back to memory.
 */
export async function openRunStore(options: OpenRunStoreOptions): Promise<RunStore> {
  const factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
  if (!factory) return new MemoryRunStore();
  const libraryName = await libraryDatabaseName(options.account);
  const name = RUN_DATABASE_PREFIX + libraryName.slice(DATABASE_PREFIX.length);
  const keyRange = options.IDBKeyRange ?? globalThis.IDBKeyRange;
  const db = new RunDatabase(name, { indexedDB: factory, ...(keyRange ? { IDBKeyRange: keyRange } : {}) });
  try {
    await db.open();
  } catch {
    db.close();
    return new MemoryRunStore();
  }
  return new DexieRunStore(db, options.now ?? Date.now);
}

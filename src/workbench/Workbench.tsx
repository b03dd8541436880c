// The workbench shell: a "Document" switch (Word page / Slide), the stand-in document, and the task pane beside it.
import * as React from "react";
import { Caption1, MessageBar, MessageBarBody, Tab, TabList, Title3 } from "@fluentui/react-components";
import type { DocumentHost } from "../hosts/DocumentHost";
import { createWorkbenchDocuments, type DocumentStorage } from "./documents";
import { DeckView } from "./Deck";
import { useStrings } from "../taskpane/strings/useStrings";
import { useWorkbenchStyles } from "./useWorkbenchStyles.styles";
import { WordPage } from "./WordPage";

/** Which stand-in is shown. */
export type DocumentTab = "word" | "slide";

/** Mounts the task pane for `host` into `element`; returns a function that unmounts it. */
export type MountPane = (element: HTMLElement, host: DocumentHost) => () => void;

/** Props of {@link Workbench}. */
export interface WorkbenchProps {
  mountPane: MountPane;
  /** The stand-in shown first. @default "word" */
  initialTab?: DocumentTab;
  /** Called when the person switches documents (e.g. to keep it in the URL). */
  onTabChange?(tab: DocumentTab): void;
  /** True when the page is, unexpectedly, inside Office (then it says so). @default false */
  insideOffice?: boolean;
  /** Keeps the Word page across reloads (main.tsx passes sessionStorage). @default none: every mount starts from the seed */
  storage?: DocumentStorage;
  /** Start from the seed document even if one is stored (`?fresh`). @default false */
  fresh?: boolean;
}

const TAB_ID = (tab: DocumentTab) => `workbench-tab-${tab}`;
const PANEL_ID = (tab: DocumentTab) => `workbench-panel-${tab}`;

/** The whole workbench page. Each stand-in has its own pane (as Word and PowerPoint each have theirs). */
export function Workbench({ mountPane, initialTab = "word", onTabChange, insideOffice = false, storage, fresh = false }: WorkbenchProps): React.JSX.Element {
  const styles = useWorkbenchStyles();
  const { t } = useStrings();
  const [documents] = React.useState(() => createWorkbenchDocuments(storage, fresh));
  const [tab, setTab] = React.useState<DocumentTab>(initialTab);
  const [opened, setOpened] = React.useState<ReadonlySet<DocumentTab>>(() => new Set([initialTab]));

  React.useEffect(() => {
    const onSelectionChange = () => documents.syncSelection();
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [documents]);

  const switchTo = (next: DocumentTab) => {
    setTab(next);
    setOpened((current) => (current.has(next) ? current : new Set([...current, next])));
    onTabChange?.(next);
  };

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <Title3 as="h1">{t("workbench.pageTitle")}</Title3>
          <Caption1>{t("workbench.subtitle")}</Caption1>
        </div>
        <TabList aria-label={t("workbench.documentSwitchLabel")} selectedValue={tab} onTabSelect={(_, data) => switchTo(data.value as DocumentTab)}>
          <Tab id={TAB_ID("word")} value="word" aria-controls={PANEL_ID("word")}>
            {t("workbench.wordTab")}
          </Tab>
          <Tab id={TAB_ID("slide")} value="slide" aria-controls={PANEL_ID("slide")}>
            {t("workbench.slideTab")}
          </Tab>
        </TabList>
      </header>
      <div className={styles.body}>
        <main className={styles.documentArea}>
          {insideOffice && (
            <MessageBar intent="warning">
              <MessageBarBody>{t("workbench.insideOffice")}</MessageBarBody>
            </MessageBar>
          )}
          <div role="tabpanel" id={PANEL_ID("word")} aria-labelledby={TAB_ID("word")} hidden={tab !== "word"}>
            <WordPage store={documents.wordStore} columnRef={documents.pageColumnRef} />
          </div>
          <div role="tabpanel" id={PANEL_ID("slide")} aria-labelledby={TAB_ID("slide")} hidden={tab !== "slide"}>
            <DeckView deckStore={documents.deckStore} slideStore={documents.slideStore} slideRef={documents.slideRef} />
          </div>
        </main>
        <aside className={styles.paneColumn} aria-label={t("workbench.paneLabel")}>
          {opened.has("word") && <PaneSlot className={styles.paneSlot} host={documents.wordHost} mountPane={mountPane} hidden={tab !== "word"} />}
          {opened.has("slide") && <PaneSlot className={styles.paneSlot} host={documents.slideHost} mountPane={mountPane} hidden={tab !== "slide"} />}
        </aside>
      </div>
    </div>
  );
}

interface PaneSlotProps {
  host: DocumentHost;
  mountPane: MountPane;
  hidden: boolean;
  className: string;
}

/** A box the real task pane is mounted into (its own React root), kept while hidden so its state survives. */
function PaneSlot({ host, mountPane, hidden, className }: PaneSlotProps): React.JSX.Element {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    return mountPane(element, host);
  }, [host, mountPane]);
  return <div ref={ref} className={className} hidden={hidden} data-pane-host={host.kind} />;
}

// Every picture made in this pane session, newest first, with Insert again and Discard (collapsed by default).
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Caption1, Text } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons/svg/delete";
import { ImageAddRegular } from "@fluentui/react-icons/svg/image-add";
import { useId, useRef } from "react";
import type { History } from "../history";
import { imageSrc } from "../imageSrc";
import type { Translate } from "../strings/strings";
import { BackendLabel } from "./BackendLabel";
import { useResultsStyles } from "./useResultsStyles.styles";

export interface HistoryPanelProps {
  t: Translate;
  history: History;
  inserting: boolean;
  insertAvailable: boolean;
  onInsertAgain(id: string): void;
  onDiscard(id: string): void;
}

/**
 * The history list. Each entry: thumbnail, prompt (as text), backend, whether it was inserted, and the buttons
 * "Insert again" (at the current selection) and "Discard", each described by the entry's prompt.
 */
export function HistoryPanel({ t, history, inserting, insertAvailable, onInsertAgain, onDiscard }: HistoryPanelProps) {
  const styles = useResultsStyles();
  const baseId = useId();
  // After Discard the button is gone: focus returns to the History header, not to the page body.
  const headerButton = useRef<HTMLButtonElement>(null);
  return (
    <Accordion collapsible>
      <AccordionItem value="history">
        <AccordionHeader as="h2" button={{ ref: headerButton }}>
          {t("history.heading", { count: history.length })}
        </AccordionHeader>
        <AccordionPanel>
          {history.length === 0 ? (
            <Caption1 className={styles.meta}>{t("history.empty")}</Caption1>
          ) : (
            <ul className={styles.list}>
              {history.map((item, index) => {
                const src = imageSrc(item.image);
                const promptId = `${baseId}-${item.id}`;
                return (
                  <li key={item.id} className={styles.historyItem} aria-label={t("history.itemLabel", { index: index + 1, total: history.length })}>
                    {src ? <img className={styles.thumb} src={src} alt={t("history.thumbAlt", { prompt: item.prompt })} /> : <span />}
                    <div className={styles.historyText}>
                      <Text id={promptId}>{item.prompt}</Text>
                      <BackendLabel backend={item.image.backend} t={t} className={item.image.backend.offline ? styles.offline : styles.meta} />
                      <Caption1 className={styles.meta}>{item.insertedCount > 0 ? t("history.inserted") : t("history.notInserted")}</Caption1>
                      <div>
                        <Button
                          size="small"
                          icon={<ImageAddRegular />}
                          aria-describedby={promptId}
                          disabledFocusable={inserting || !insertAvailable}
                          onClick={() => onInsertAgain(item.id)}
                        >
                          {t("history.insertAgain")}
                        </Button>{" "}
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<DeleteRegular />}
                          aria-describedby={promptId}
                          onClick={() => {
                            onDiscard(item.id);
                            headerButton.current?.focus();
                          }}
                        >
                          {t("history.discard")}
                        </Button>
                      </div>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

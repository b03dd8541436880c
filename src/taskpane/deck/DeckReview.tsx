// After Generate all: progress line, Cancel all / Insert accepted, and the review grid (one card per item).
import { Button, Caption1, Field, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import { ArrowClockwiseRegular, CheckmarkRegular, DismissRegular, ImageAddRegular, PlayRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { itemCommands, type DeckRun, type RunItem } from "../../core/deck";
import { imageSrc } from "../imageSrc";
import type { Translate } from "../strings/strings";
import { itemLabel } from "./DeckChooser";
import type { DeckRunController } from "./deckRunController";
import type { useDeckPanelStyles } from "./DeckPanel.styles";
import type { DeckPanelState } from "./useDeckPanel";

interface ViewProps {
  state: DeckPanelState;
  t: Translate;
  styles: ReturnType<typeof useDeckPanelStyles>;
}

/** The review stage (also the stored run waiting for Resume, with its buttons off until then). */
export function DeckReview({ state, t, styles }: ViewProps) {
  const run: DeckRun | undefined = state.stage === "resume" ? state.storedRun : state.run;
  if (!run) return null;
  const live = state.stage === "run" && state.controller !== undefined;
  const progress = state.progress;
  const generating = live && progress !== undefined && !progress.generationDone && run.phase === "running";
  // Failures Resume sends again (can't reach, try later, signed out): after an outage the run carries on from there.
  const retryable =
    live &&
    !generating &&
    run.order.some((id) => {
      const s = run.items[id].state;
      return s.status === "failed" && s.remedy !== "deck.remedy.editPrompt";
    });
  const accepted = run.order.filter((id) => ["accepted", "insert-failed"].includes(run.items[id].state.status)).length;
  const date = new Date(run.createdAt).toLocaleString();
  return (
    <>
      {state.stage === "resume" ? (
        <MessageBar intent="info">
          <MessageBarBody>{t("deck.resumeNotice", { date })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {live ? (
        <div role="status" aria-live="polite" aria-label={t("deck.progressLabel")}>
          {progress ? <ProgressLine t={t} run={run} progress={progress} now={state.now()} /> : null}
        </div>
      ) : null}
      <div className={styles.row}>
        {state.stage === "resume" || retryable ? (
          <Button appearance="primary" icon={<PlayRegular />} onClick={state.onResume}>
            {t("deck.resume")}
          </Button>
        ) : null}
        {generating ? (
          <Button icon={<DismissRegular />} onClick={state.onCancelAll}>
            {t("deck.cancelAll")}
          </Button>
        ) : null}
        {live ? (
          <>
            <Button
              icon={<CheckmarkRegular />}
              disabled={!run.order.some((id) => run.items[id].state.status === "ready")}
              onClick={state.onAcceptAllReady}
            >
              {t("deck.acceptAllReady")}
            </Button>
            <Button
              appearance="primary"
              icon={<ImageAddRegular />}
              disabledFocusable={accepted === 0 || state.inserting}
              onClick={state.onInsertAccepted}
            >
              {t("deck.insertAccepted")}
            </Button>
          </>
        ) : null}
        <Button appearance="subtle" onClick={state.onNewRun}>
          {t("deck.newRun")}
        </Button>
      </div>
      {state.summary ? <InsertSummaryBar state={state} run={run} t={t} /> : null}
      <ul className={styles.grid} aria-label={t("deck.itemsHeading")}>
        {run.order.map((id) => (
          <ReviewCard key={id} item={run.items[id]} live={live} state={state} t={t} styles={styles} />
        ))}
      </ul>
    </>
  );
}

function ProgressLine({ t, run, progress, now }: { t: Translate; run: DeckRun; progress: NonNullable<DeckPanelState["progress"]>; now: number }) {
  const c = progress.counts;
  const done = c.ready + c.accepted + c.rejected + c.inserting + c.inserted + c["insert-failed"];
  const parts = [
    t("deck.progress", { done, total: progress.total, creating: c.creating, queued: c.queued, waiting: c.waiting, failed: c.failed + c.filtered }),
  ];
  if (progress.generationDone) parts.push(t("deck.progressDone"));
  else {
    if (progress.queuePosition !== undefined) parts.push(t("deck.progressQueue", { position: progress.queuePosition }));
    if (run.pausedUntil !== undefined && run.pausedUntil > now)
      parts.push(t("deck.progressPaused", { seconds: Math.ceil((run.pausedUntil - now) / 1000) }));
    if (progress.etaMs !== undefined) parts.push(t("deck.progressEta", { seconds: Math.ceil(progress.etaMs / 1000) }));
  }
  return <span>{parts.join(" ")}</span>;
}

function InsertSummaryBar({ state, run, t }: { state: DeckPanelState; run: DeckRun; t: Translate }) {
  const summary = state.summary;
  if (!summary) return null;
  const total = summary.inserted.length + summary.failed.length;
  const failedLabels = summary.failed.map((f) => itemLabel(t, run.items[f.id])).join("; ");
  return (
    <MessageBar intent={summary.failed.length > 0 ? "warning" : "success"}>
      <MessageBarBody>
        {t("deck.summary", { inserted: summary.inserted.length, total })}
        {summary.failed.length > 0 ? <> {t("deck.summaryFailed", { items: failedLabels })}</> : null}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The text of an item's state: what it is doing, or why it failed and what to do. */
export function statusText(t: Translate, item: RunItem): string {
  const s = item.state;
  switch (s.status) {
    case "queued":
      return s.position === undefined
        ? t("deck.status.queued")
        : s.expectedStartMs !== undefined
          ? t("deck.status.queuedAtStart", { position: s.position, seconds: Math.ceil(s.expectedStartMs / 1000) })
          : t("deck.status.queuedAt", { position: s.position });
    case "failed":
      return `${t("deck.status.failed", { reason: t(`deck.failure.${s.code}`) })} ${t(s.remedy)}`;
    case "filtered":
      return `${s.categories.length > 0 ? t("deck.status.filteredCategories", { categories: s.categories.join(", ") }) : t("deck.status.filtered")} ${t(s.suggestion)}`;
    case "insert-failed":
      return t("deck.status.insert-failed", { reason: t(`deck.hostError.${s.code}`, { defaultValue: t("deck.hostError.unknown") }) });
    default:
      return t(`deck.status.${s.status}`);
  }
}

function ReviewCard({
  item,
  live,
  state,
  t,
  styles,
}: {
  item: RunItem;
  live: boolean;
  state: DeckPanelState;
  t: Translate;
  styles: ViewProps["styles"];
}) {
  const [editing, setEditing] = useState<string>();
  const label = itemLabel(t, item);
  const commands = live ? itemCommands(item) : [];
  const bad = ["failed", "filtered", "insert-failed", "gone"].includes(item.state.status);
  return (
    <li className={styles.item} data-item-id={item.id} data-status={item.state.status} aria-label={label}>
      <strong dir="auto">{label}</strong>
      {item.pictureId && state.controller ? (
        <Preview
          controller={state.controller}
          pictureId={item.pictureId}
          alt={t("deck.pictureAlt", { label, prompt: item.prompt })}
          className={styles.preview}
        />
      ) : null}
      <Caption1 className={bad ? styles.failure : undefined}>{statusText(t, item)}</Caption1>
      {item.previousPictureIds.length > 0 ? <Caption1>{t("deck.previousPictures", { count: item.previousPictureIds.length })}</Caption1> : null}
      {editing !== undefined ? (
        <>
          <Field label={t("deck.promptLabel", { label })}>
            <Textarea dir="auto" rows={3} value={editing} onChange={(_, data) => setEditing(data.value)} />
          </Field>
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() => {
                state.onEditPrompt(item.id, editing);
                setEditing(undefined);
              }}
            >
              {t("deck.regenerateWithPrompt")}
            </Button>
            <Button onClick={() => setEditing(undefined)}>{t("deck.cancelEdit")}</Button>
          </div>
        </>
      ) : (
        <Caption1 dir="auto">{item.prompt}</Caption1>
      )}
      {commands.length > 0 && editing === undefined ? (
        <div className={styles.row}>
          {commands.includes("accept") ? (
            <Button size="small" aria-label={`${t("deck.accept")} — ${label}`} onClick={() => state.onAccept(item.id)}>
              {t("deck.accept")}
            </Button>
          ) : null}
          {commands.includes("reject") ? (
            <Button size="small" aria-label={`${t("deck.reject")} — ${label}`} onClick={() => state.onReject(item.id)}>
              {t("deck.reject")}
            </Button>
          ) : null}
          {commands.includes("regenerate") ? (
            <Button
              size="small"
              icon={<ArrowClockwiseRegular />}
              aria-label={`${t("deck.regenerate")} — ${label}`}
              onClick={() => state.onRegenerate(item.id)}
            >
              {t("deck.regenerate")}
            </Button>
          ) : null}
          {commands.includes("editPrompt") ? (
            <Button size="small" aria-label={`${t("deck.editPrompt")} — ${label}`} onClick={() => setEditing(item.prompt)}>
              {t("deck.editPrompt")}
            </Button>
          ) : null}
          {commands.includes("insert") ? (
            <Button
              size="small"
              disabledFocusable={state.inserting}
              aria-label={`${t("deck.insertOne")} — ${label}`}
              onClick={() => state.onInsertOne(item.id)}
            >
              {t("deck.insertOne")}
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The item's picture, read from the library (the run keeps only its id). */
function Preview({ controller, pictureId, alt, className }: { controller: DeckRunController; pictureId: string; alt: string; className: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let on = true;
    controller
      .picture(pictureId)
      .then((picture) => {
        if (on && picture) setSrc(imageSrc(picture));
      })
      .catch(() => undefined);
    return () => {
      on = false;
    };
  }, [controller, pictureId]);
  return src ? <img className={className} src={src} alt={alt} /> : null;
}

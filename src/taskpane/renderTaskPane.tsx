// Draws the task pane from its state (pure: no hooks, no effects; state and styles come in).
import type { ReactNode } from "react";
// First paint is the prompt, Use selection, the options and Generate; the rest comes from lazy chunks (lazyPanels.ts).
import { Button, Caption1, Field, Textarea, Title3 } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons/svg/arrow-clockwise";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import { ImageEditRegular } from "@fluentui/react-icons/svg/image-edit";
import { ImageSparkleRegular } from "@fluentui/react-icons/svg/image-sparkle";
import { SparkleRegular } from "@fluentui/react-icons/svg/sparkle";
import { TextQuoteRegular } from "@fluentui/react-icons/svg/text-quote";
import { OptionsFields } from "./components/OptionsFields";
import {
  LazyAccountBar as AccountBar,
  LazyHistoryPanel as HistoryPanel,
  LazyModelOptionsFields as ModelOptionsFields,
  LazyPaneMessageBar as PaneMessageBar,
  LazyPlacementFields as PlacementFields,
  LazyProgress as GenerationProgress,
  LazyResultsPanel as ResultsPanel,
  LazyStatusSpinner as StatusSpinner,
} from "./lazyPanels";
import type { TaskPaneState } from "./TaskPane.types";
import { taskPaneClassNames, type useTaskPaneStyles } from "./useTaskPaneStyles.styles";

/**
 * The pane, top to bottom: title and account; prompt with "Use selection"; options; Generate / Cancel with
 * progress; messages; the whole-deck entry (`deckEntry`); results with alt text and Insert; history. Escape anywhere in the pane cancels.
 */
export function renderTaskPane(state: TaskPaneState, styles: ReturnType<typeof useTaskPaneStyles>, deckEntry?: ReactNode) {
  const { t } = state;
  return (
    // The keydown handler only adds Escape-to-cancel; every control keeps its own keyboard path.
    <main className={`${taskPaneClassNames.root} ${styles.root}`} onKeyDown={state.onPaneKeyDown}>
      <header className={styles.header}>
        <Title3 as="h1">{t("app.title")}</Title3>
        <Caption1>{t("app.subtitle")}</Caption1>
        {state.account ? (
          <AccountBar.Component
            account={state.account.account}
            busy={state.account.busy}
            t={t}
            onSignIn={state.onSignIn}
            onSignOut={state.onSignOut}
            libraryKept={state.account.libraryKept}
            onDeleteAllPictures={() => void state.onDeleteAllPictures()}
          />
        ) : null}
      </header>

      <section className={styles.section}>
        <Field
          label={t("prompt.label")}
          hint={t("prompt.hint")}
          {...(state.promptValidation ? { validationState: "error" as const, validationMessage: state.promptValidation } : {})}
        >
          <Textarea
            ref={state.promptRef}
            value={state.prompt.text}
            placeholder={t("prompt.placeholder")}
            // The prompt is the person's (or the document's) text: its own direction in every UI language.
            dir="auto"
            resize="vertical"
            rows={4}
            onChange={(_, data) => state.onPromptChange(data.value)}
            onKeyDown={state.onPromptKeyDown}
          />
        </Field>
        <div className={styles.row}>
          <Button icon={<TextQuoteRegular />} onClick={state.onUseSelection} disabled={state.generating}>
            {t("prompt.useSelection")}
          </Button>
        </div>
        {state.promptNotice ? <PaneMessageBar.Component message={state.promptNotice} t={t} onDismiss={state.onDismissPromptNotice} /> : null}
      </section>

      <OptionsFields
        t={t}
        options={state.options}
        aspectFromPicture={state.aspectFromPicture}
        showAspect={!state.models}
        disabled={state.generating}
        onChange={state.onOptionsChange}
      />
      {state.models ? (
        <ModelOptionsFields.Component
          t={t}
          models={state.models}
          value={state.modelOptions}
          {...(state.fitBox ? { fitBox: state.fitBox } : {})}
          disabled={state.generating}
          onChange={state.onModelOptionsChange}
        />
      ) : null}

      <section className={styles.section}>
        <div className={styles.row}>
          <Button appearance="primary" icon={<SparkleRegular />} disabledFocusable={state.generating} onClick={state.onGenerate}>
            {t("generate.button")}
          </Button>
          {state.pictureSelected && state.canEdit ? (
            <Button icon={<ImageEditRegular />} disabledFocusable={state.generating} onClick={state.onEdit}>
              {t("generate.edit")}
            </Button>
          ) : null}
          {state.generating ? (
            <Button icon={<DismissRegular />} onClick={state.onCancel}>
              {t("generate.cancel")}
            </Button>
          ) : null}
        </div>
        {state.provenance ? (
          <>
            <Caption1 dir="auto">{t("library.fromPicture", { prompt: state.provenance.prompt })}</Caption1>
            <div className={styles.row}>
              {state.replaceAvailable ? (
                <Button
                  icon={<ArrowClockwiseRegular />}
                  disabledFocusable={state.generating}
                  onClick={state.onRegenerate}
                  title={t("library.regenerateHint")}
                >
                  {t("library.regenerate")}
                </Button>
              ) : null}
              {state.canEdit ? (
                <Button icon={<ImageSparkleRegular />} disabledFocusable={state.generating} onClick={state.onVariation}>
                  {t("library.variation")}
                </Button>
              ) : null}
            </div>
          </>
        ) : null}
        {state.pictureSelected && !state.canEdit && state.editUnavailableReason ? (
          <Caption1>{t("generate.editUnavailable", { reason: state.editUnavailableReason })}</Caption1>
        ) : null}
        {renderProgress(state, styles)}
        {state.message ? (
          <PaneMessageBar.Component
            message={state.message}
            t={t}
            onDismiss={state.onDismissMessage}
            {...(state.account ? { onSignIn: state.onSignIn } : {})}
          />
        ) : null}
      </section>

      {deckEntry}

      {state.results.length > 0 ? (
        <ResultsPanel.Component
          t={t}
          results={state.results}
          {...(state.selectedId ? { selectedId: state.selectedId } : {})}
          firstResultRef={state.firstResultRef}
          altDescription={state.altDescription}
          altTitle={t("insert.altTitle")}
          insertMode={state.insertMode}
          insertLabel={state.insertLabel}
          {...(state.personAltText ? { personAltText: state.personAltText } : {})}
          overwriteAltText={state.overwriteAltText}
          onOverwriteAltTextChange={state.onOverwriteAltTextChange}
          {...(state.insertMode === "insert"
            ? {
                placement: (
                  <PlacementFields.Component
                    t={t}
                    document={state.documentKind}
                    prefs={state.insertPrefs}
                    disabled={state.inserting}
                    onChange={state.onInsertPrefsChange}
                  />
                ),
              }
            : {})}
          insertAvailable={state.insertAvailable}
          {...(state.insertUnavailableReason ? { insertUnavailableReason: state.insertUnavailableReason } : {})}
          inserting={state.inserting}
          onSelect={state.onSelectResult}
          onAltDescriptionChange={state.onAltDescriptionChange}
          onInsert={state.onInsert}
        />
      ) : null}

      {state.libraryNotice ? <PaneMessageBar.Component message={state.libraryNotice} t={t} /> : null}
      <HistoryPanel.Component
        t={t}
        history={state.history}
        count={state.historyCount}
        {...(state.library ? { library: state.library } : {})}
        documentId={state.documentId}
        inserting={state.inserting}
        insertAvailable={state.insertAgainAvailable}
        replaceAvailable={state.replaceAvailable && state.pictureSelected}
        onInsertAgain={state.onInsertAgain}
        onDiscard={state.onDiscard}
        onLibraryInsert={state.onLibraryInsert}
        onLibraryReplace={state.onLibraryReplace}
        onLibraryDeleted={state.onLibraryDeleted}
        onDeleteAll={() => void state.onDeleteAllPictures()}
      />
    </main>
  );
}

/** The live status line (announced politely), the elapsed-time timer, a progress bar and partial previews. */
function renderProgress(state: TaskPaneState, styles: ReturnType<typeof useTaskPaneStyles>) {
  const { t } = state;
  const status = !state.generating
    ? ""
    : state.queue
      ? state.queue.expected_start_ms !== undefined
        ? t("generate.queuedStart", { position: state.queue.position, seconds: Math.ceil(state.queue.expected_start_ms / 1000) })
        : t("generate.queued", { position: state.queue.position })
      : state.generatingKind === "edit"
        ? t("generate.editing")
        : t("generate.working", { count: state.options.count });
  return (
    <div className={styles.progress}>
      {/* Always in the DOM so screen readers announce changes to it. */}
      <div role="status" aria-live="polite" className={styles.status}>
        {state.generating ? <StatusSpinner.Component /> : null}
        {status ? <span>{status}</span> : null}
      </div>
      {state.generating ? (
        <GenerationProgress.Component
          t={t}
          status={status}
          elapsedSeconds={state.elapsedSeconds}
          partials={state.partials}
          prompt={state.prompt.text}
        />
      ) : null}
    </div>
  );
}

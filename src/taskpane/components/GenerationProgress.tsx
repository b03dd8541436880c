// What shows while pictures are being made: the elapsed-time timer, a progress bar, the cancel hint, partial previews.
import { Caption1, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import type { PartialImage } from "../../imaging/ImageClient";
import { markPartialShown } from "../../imaging/paneTimings";
import { imageSrc } from "../imageSrc";
import type { Translate } from "../strings/strings";

const useStyles = makeStyles({
  timer: {
    color: tokens.colorNeutralForeground3,
    fontVariantNumeric: "tabular-nums",
  },
  partials: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(96px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  partialImage: {
    width: "100%",
    height: "auto",
    borderRadius: tokens.borderRadiusMedium,
    opacity: 0.8,
  },
});

export interface GenerationProgressProps {
  t: Translate;
  /** The status line's text, also the progress bar's accessible name. */
  status: string;
  elapsedSeconds: number;
  partials: readonly PartialImage[];
  /** The prompt, for the partial previews' alt text. */
  prompt: string;
}

/** Rendered only while generating (the pane's always-present status line announces the state). */
export function GenerationProgress({ t, status, elapsedSeconds, partials, prompt }: GenerationProgressProps) {
  const styles = useStyles();
  return (
    <>
      <span role="timer" className={styles.timer}>
        {t("generate.elapsed", { seconds: elapsedSeconds })}
      </span>
      <ProgressBar thickness="medium" aria-label={status} />
      <Caption1>{t("generate.cancelHint")}</Caption1>
      {partials.length > 0 ? (
        <div className={styles.partials}>
          {partials.map((partial) => {
            const src = imageSrc(partial);
            return src ? (
              <img
                key={partial.index}
                className={styles.partialImage}
                src={src}
                onLoad={() => markPartialShown(partial.index)}
                alt={t("generate.partialAlt", { prompt })}
              />
            ) : null;
          })}
        </div>
      ) : null}
    </>
  );
}

// Width and height in points of a picture put into a Word page: the text column width, never wider.
import { fitPoints } from "../../core/sizes";
import type { PixelSize, PointSize } from "../../core/types";

/** Text column width used when Word does not expose page setup (WordApiDesktop 1.3 is desktop only): 6.5 in. */
const DEFAULT_COLUMN_WIDTH_PT = 468;

/** Tallest picture when the page height is unknown: 9 in, the text height of a Letter page with 1 in margins. */
const DEFAULT_MAX_HEIGHT_PT = 648;

/** Page setup values in points (`Word.PageSetup`, WordApiDesktop 1.3). */
export interface WordPageSetupPt {
  pageWidth: number;
  pageHeight: number;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
}

/**
 * The text area of the page (the text column) in points, or the defaults (468 × 648 pt) when `setup` is absent
 * or nonsensical: the box a Fit picture in Word is shaped for.
 */
export function textAreaPt(setup?: WordPageSetupPt): PointSize {
  const width = setup ? setup.pageWidth - setup.leftMargin - setup.rightMargin : NaN;
  const height = setup ? setup.pageHeight - setup.topMargin - setup.bottomMargin : NaN;
  return {
    widthPt: Number.isFinite(width) && width >= 36 ? width : DEFAULT_COLUMN_WIDTH_PT,
    heightPt: Number.isFinite(height) && height >= 36 ? height : DEFAULT_MAX_HEIGHT_PT,
  };
}

/**
 * Size of an inline picture: as wide as the text column, height from the aspect ratio, shrunk to fit the text
 * height. Always set explicitly: Word on the web sizes inserted pictures differently from desktop (office-js #447).
 */
export function wordPictureSize(image: PixelSize, setup?: WordPageSetupPt): PointSize {
  const area = textAreaPt(setup);
  return fitPoints(image, area.widthPt, area.heightPt);
}

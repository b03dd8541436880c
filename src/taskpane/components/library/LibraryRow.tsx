// One picture of the library list: thumbnail (object URL), prompt as text, what happened to it, and its actions.
import { Button, Caption1, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Text } from "@fluentui/react-components";
import {
  ArrowDownloadRegular,
  CopyRegular,
  DeleteRegular,
  ImageAddRegular,
  ImageArrowCounterclockwiseRegular,
  MoreHorizontalRegular,
  PinOffRegular,
  PinRegular,
} from "@fluentui/react-icons";
import type { PictureSummary } from "../../../library/types";
import type { Translate } from "../../strings/strings";
import { BackendLabel } from "../BackendLabel";
import { useLibraryPanelStyles } from "./useLibraryPanelStyles.styles";
import { useObjectUrl } from "./useObjectUrl";

export interface LibraryRowProps {
  t: Translate;
  item: PictureSummary;
  index: number;
  total: number;
  /** Id of the prompt text, which describes every button of the row. */
  promptId: string;
  inserting: boolean;
  insertAvailable: boolean;
  /** A picture is selected in the document and the host can replace it. */
  replaceAvailable: boolean;
  onInsert(): void;
  onReplace(): void;
  onPin(): void;
  onCopy(): void;
  onDownload(): void;
  onDelete(): void;
}

/** The row's content (the virtualizer positions its `<li>`). Every action is a button: Tab and Enter reach all. */
export function LibraryRowContent(props: LibraryRowProps) {
  const { t, item, promptId } = props;
  const styles = useLibraryPanelStyles();
  const src = useObjectUrl(item.thumbnail);
  return (
    <>
      {src ? <img className={styles.thumb} src={src} alt={t("history.thumbAlt", { prompt: item.prompt })} /> : <span className={styles.thumb} />}
      <div className={styles.text}>
        <Text id={promptId} dir="auto" className={styles.prompt}>
          {item.prompt}
        </Text>
        <BackendLabel backend={item.backend} t={t} className={styles.meta} />
        <Caption1 className={styles.meta}>
          {item.insertedCount > 0 ? t("history.inserted") : t("history.notInserted")}
          {item.pinned ? ` · ${t("library.pinned")}` : ""}
        </Caption1>
        <div className={styles.actions}>
          <Button size="small" icon={<ImageAddRegular />} aria-describedby={promptId} disabledFocusable={props.inserting || !props.insertAvailable} onClick={props.onInsert}>
            {t("history.insertAgain")}
          </Button>
          <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-describedby={promptId} onClick={props.onDelete}>
            {t("library.delete")}
          </Button>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button size="small" appearance="subtle" icon={<MoreHorizontalRegular />} aria-label={t("library.moreActions")} aria-describedby={promptId} />
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {props.replaceAvailable ? (
                  <MenuItem icon={<ImageArrowCounterclockwiseRegular />} disabled={props.inserting} onClick={props.onReplace}>
                    {t("library.replaceSelected")}
                  </MenuItem>
                ) : null}
                <MenuItem icon={item.pinned ? <PinOffRegular /> : <PinRegular />} onClick={props.onPin}>
                  {item.pinned ? t("library.unpin") : t("library.pin")}
                </MenuItem>
                <MenuItem icon={<CopyRegular />} onClick={props.onCopy}>
                  {t("library.copyPrompt")}
                </MenuItem>
                <MenuItem icon={<ArrowDownloadRegular />} onClick={props.onDownload}>
                  {t("library.download")}
                </MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        </div>
      </div>
    </>
  );
}

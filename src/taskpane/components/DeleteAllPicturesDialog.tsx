// "Delete all my pictures on this computer?" — the confirmed dialog behind both the account menu and the library panel.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from "@fluentui/react-components";
import { DeleteDismissRegular } from "@fluentui/react-icons";
import type { Translate } from "../strings/strings";

export interface DeleteAllPicturesDialogProps {
  t: Translate;
  /** Text of the button that opens the dialog. */
  triggerLabel: string;
  disabled?: boolean;
  /** Runs only after the person confirms. */
  onConfirm(): void;
}

/** A button that opens an alert dialog; Delete all (no undo) or Cancel. Escape cancels; focus returns to the button. */
export function DeleteAllPicturesDialog({ t, triggerLabel, disabled, onConfirm }: DeleteAllPicturesDialogProps) {
  return (
    <Dialog modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" appearance="subtle" icon={<DeleteDismissRegular />} disabled={disabled}>
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("library.deleteAllTitle")}</DialogTitle>
          <DialogContent>{t("library.deleteAllBody")}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={onConfirm}>
                {t("library.deleteAllConfirm")}
              </Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t("library.deleteAllCancel")}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

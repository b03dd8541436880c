// Opens auth-dialog.html with Office's dialog API and resolves with the message it sends back.
import { parseDialogMessage, type DialogMessage } from "./dialogProtocol";

/** Opens the sign-in dialog at `url` and resolves with its message (never rejects for a cancel: status "error"). */
export type AuthDialogOpener = (url: string) => Promise<DialogMessage>;

/** Office's "dialog closed by the person" event code (learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events). */
const DIALOG_CLOSED = 12006;

/**
 * {@link AuthDialogOpener} over `Office.context.ui.displayDialogAsync`: 60 % × 40 % of the screen; the first message
 * closes the dialog. Messages from another origin than `url`'s are ignored.
 * @throws Error when Office cannot open the dialog (e.g. 12007: a dialog is already open).
 */
export const openOfficeAuthDialog: AuthDialogOpener = (url) =>
  new Promise((resolve, reject) => {
    const expectedOrigin = new URL(url).origin;
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 40 }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(`The sign-in dialog could not open (${result.error.code}: ${result.error.message})`));
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if (!("message" in arg) || (arg.origin !== undefined && arg.origin !== expectedOrigin)) return;
        dialog.close();
        resolve(parseDialogMessage(arg.message));
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        const code = "error" in arg ? arg.error : 0;
        resolve({
          status: "error",
          code: code === DIALOG_CLOSED ? "user_cancelled" : `dialog_${code}`,
          message: code === DIALOG_CLOSED ? "The sign-in dialog was closed" : `The sign-in dialog failed (${code})`,
        });
      });
    });
  });

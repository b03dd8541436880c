// openOfficeAuthDialog over a fake Office dialog API: message → result, foreign origin ignored, closed → cancelled.
import { openOfficeAuthDialog } from "../../../src/auth/officeDialog";

type Handler = (arg: { message: string; origin: string | undefined } | { error: number }) => void;

function installOffice(open: "ok" | "fail") {
  const handlers = new Map<string, Handler>();
  const dialog = { close: jest.fn(), addEventHandler: (type: string, handler: Handler) => handlers.set(type, handler) };
  const displayDialogAsync = jest.fn((_url: string, _options: unknown, callback: (result: unknown) => void) =>
    callback(
      open === "ok"
        ? { status: "succeeded", value: dialog }
        : { status: "failed", error: { code: 12007, message: "A dialog box is already opened from this add-in." } },
    ),
  );
  (globalThis as { Office?: unknown }).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: { ui: { displayDialogAsync } },
  };
  return { handlers, dialog, displayDialogAsync };
}

const URL_ = "https://localhost:3000/auth-dialog.html?loginHint=ada";
const SUCCESS = { status: "success", accessToken: "t", expiresOn: 1, scopes: ["s"], account: { homeAccountId: "h", name: "Ada", username: "ada" } };

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("openOfficeAuthDialog", () => {
  it("opens the dialog, ignores messages from other origins, resolves with ours and closes it", async () => {
    const { handlers, dialog, displayDialogAsync } = installOffice("ok");
    const pending = openOfficeAuthDialog(URL_);
    expect(displayDialogAsync).toHaveBeenCalledWith(URL_, { height: 60, width: 40 }, expect.any(Function));
    handlers.get("dialogMessageReceived")!({ message: JSON.stringify({ ...SUCCESS, accessToken: "evil" }), origin: "https://evil.test" });
    expect(dialog.close).not.toHaveBeenCalled();
    handlers.get("dialogMessageReceived")!({ message: JSON.stringify(SUCCESS), origin: "https://localhost:3000" });
    await expect(pending).resolves.toEqual(SUCCESS);
    expect(dialog.close).toHaveBeenCalled();
  });

  it("reports a dialog closed by the person as user_cancelled", async () => {
    const { handlers } = installOffice("ok");
    const pending = openOfficeAuthDialog(URL_);
    handlers.get("dialogEventReceived")!({ error: 12006 });
    await expect(pending).resolves.toMatchObject({ status: "error", code: "user_cancelled" });
  });

  it("rejects when Office cannot open the dialog", async () => {
    installOffice("fail");
    await expect(openOfficeAuthDialog(URL_)).rejects.toThrow(/could not open \(12007/);
  });
});

// Office entry of the task pane: wait for Office, pick the document host, configure sign-in and the image client, mount.
import { createOfficeHost } from "../hosts/office/createOfficeHost";
import { loadPictureBytes } from "../hosts/office/loadPictureBytes";
import { createPaneServices } from "./createPaneServices";
import { mountPage, mountTaskPane } from "./mountTaskPane";
import { officeEnvironment } from "./officeEnvironment";
import { whenIdle } from "./whenIdle";

async function start(): Promise<void> {
  const element = document.getElementById("root");
  if (!element) throw new Error("taskpane.html has no #root element");
  const host = await createOfficeHost(); // waits for Office.onReady; null outside Word/PowerPoint
  const environment = officeEnvironment();
  if (!host) {
    // Outside Office only: its own chunk, never in the pane's first paint.
    const { NotInOffice } = await import(/* webpackChunkName: "not-in-office" */ "./components/NotInOffice");
    mountPage(element, () => <NotInOffice />, undefined, environment);
    return;
  }
  // MSAL loads in its own chunk after first paint (or on the first token request), never in the pane's first bundle.
  const services = createPaneServices({ office: Office });
  mountTaskPane(element, { host, ...services }, environment);
  whenIdle(() => void loadPictureBytes().catch(() => undefined)); // Edit's picture reader, before the first Edit
}

void start().catch((error: unknown) => {
  // Nothing rendered yet: say so in the page (as text) and keep the cause for the developer console.
  console.error("Illustrate could not start", error);
  const root = document.getElementById("root");
  if (root) root.textContent = `Illustrate could not start: ${error instanceof Error ? error.message : String(error)}`;
});

// Office entry of the task pane: wait for Office, pick the document host, configure sign-in and the image client, mount.
import { createOfficeHost } from "../hosts/office/createOfficeHost";
import { NotInOffice } from "./components/NotInOffice";
import { createPaneServices } from "./createPaneServices";
import { mountPage, mountTaskPane } from "./mountTaskPane";
import { officeEnvironment } from "./officeEnvironment";

async function start(): Promise<void> {
  const element = document.getElementById("root");
  if (!element) throw new Error("taskpane.html has no #root element");
  const host = await createOfficeHost(); // waits for Office.onReady; null outside Word/PowerPoint
  const environment = officeEnvironment();
  if (!host) {
    mountPage(element, () => <NotInOffice />, undefined, environment);
    return;
  }
  // MSAL loads in its own chunk after first paint (or on the first token request), never in the pane's first bundle.
  const services = createPaneServices({ office: Office });
  mountTaskPane(element, { host, ...services }, environment);
}

void start().catch((error: unknown) => {
  // Nothing rendered yet: say so in the page (as text) and keep the cause for the developer console.
  console.error("Illustrate could not start", error);
  const root = document.getElementById("root");
  if (root) root.textContent = `Illustrate could not start: ${error instanceof Error ? error.message : String(error)}`;
});

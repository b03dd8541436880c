// Function file of the ribbon commands: Office runs it in a hidden page (manifest <FunctionFile>, commands.html).
//
// The only command, Home > Illustrate > Create image, is a `ShowTaskpane` action: Office opens the pane itself and
// calls nothing here. The function file must still call `Office.onReady` (or set `Office.initialize`) so Office
// knows it has loaded (https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in). Functions for
// future `ExecuteFunction` buttons go here: as globals named by <FunctionName>, or via `Office.actions.associate`
// once the add-in uses a shared runtime.

/** Settles once Office has initialised this function file; `host` is null outside Office. */
export const commandsReady: Promise<Office.HostType | null> = Office.onReady().then((info) => info.host ?? null);

// Ribbon commands. The only button opens the task pane (ShowTaskpane in manifest.xml), so the
// function file only has to initialise Office.
/* global Office */
function start(): void {
  if (typeof Office === 'undefined') return;
  void Office.onReady();
}
start();

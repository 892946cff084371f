// "Kasse verwalten": the register's rare, far-reaching actions (decommissioning, a new register, leaving
// the demo), kept off the everyday screens. German first; de.ts and en.ts carry them as `registerAdmin`.

export const registerAdminDe = {
  title: 'Kasse verwalten',
  open: 'Kasse verwalten …',
  openHint:
    'Seltene Schritte für diese Kasse: stilllegen (Außerbetriebnahme), danach eine neue Kasse einrichten, oder die Demo beenden.',
  intro:
    'Diese Schritte betreffen die ganze Kasse und lassen sich nicht rückgängig machen. Der Tagesbetrieb (Abschlüsse, DEP, Berichte) liegt unter F6.',
  back: 'Zurück zu den Einstellungen',
  decommissionTitle: 'Kasse stilllegen',
  decommissionText:
    'Für die geplante Außerbetriebnahme: das DEP wird ein letztes Mal gesichert und vollständig geprüft, dann meldet fiskaly die Kasse bei FinanzOnline ab und erstellt den Schlussbeleg, der gedruckt und mitgesichert wird. Danach kann die Kasse keine Belege mehr signieren. Das kann nicht rückgängig gemacht werden.',
  decommissionConfirm: (word: string) => `Zur Bestätigung „${word}“ eintippen`,
  decommission: 'Kasse endgültig stilllegen',
  decommissioning: 'Wird stillgelegt …',
  decommissioned: (number: string, printed: boolean, archived: boolean) =>
    `Die Kasse ist stillgelegt. Schlussbeleg Nr. ${number}${printed ? ' wurde gedruckt' : ' – bitte im Journal drucken'}${archived ? ' und ist im Archiv.' : '; das Archiv bitte erneut sichern.'}`,
  alreadyDecommissioned: 'Diese Kasse ist stillgelegt.',
  decommissionedNotice:
    'Diese Kasse ist stillgelegt und signiert keine Belege mehr. Eine neue Kasse richten Sie unter „Kasse verwalten“ ein (Einstellungen, F12).',
  notReady: 'Es ist noch keine Kasse eingerichtet.',
  newRegisterText:
    'Soll auf diesem PC weiter kassiert werden, braucht es eine neue Kasse: mit eigener Kassen-ID und eigenem Startbeleg, in derselben fiskaly-Organisation. Journal und Archiv der stillgelegten Kasse bleiben erhalten.',
  newRegister: 'Neue Kasse einrichten',
  newRegisterWorking: 'Wird vorbereitet …',
  leaveDemoTitle: 'Demo beenden',
  leaveDemoText:
    'Für den Echtbetrieb mit fiskaly: die Demo-Kasse wird beiseitegelegt und die Einrichtung beginnt wie beim ersten Start. Die Demo-Belege bleiben im Journal, als DEMO gekennzeichnet.',
  leaveDemo: 'Demo beenden und einrichten',
};

export const registerAdminEn: typeof registerAdminDe = {
  title: 'Manage the cash register',
  open: 'Manage the cash register …',
  openHint: 'Rare steps for this till: decommission it, then set up a new cash register, or leave the demo.',
  intro:
    'These steps concern the whole cash register and cannot be undone. The day’s business (closings, DEP, reports) is under F6.',
  back: 'Back to the settings',
  decommissionTitle: 'Decommission the cash register',
  decommissionText:
    'For a planned decommissioning: the DEP is backed up and fully checked one last time, then fiskaly deregisters the till with FinanzOnline and makes the closing receipt, which is printed and backed up too. Afterwards the till cannot sign receipts any more. This cannot be undone.',
  decommissionConfirm: (word: string) => `Type “${word}” to confirm`,
  decommission: 'Decommission the cash register for good',
  decommissioning: 'Decommissioning …',
  decommissioned: (number: string, printed: boolean, archived: boolean) =>
    `The cash register is decommissioned. Closing receipt no. ${number}${printed ? ' was printed' : ' – please print it from the journal'}${archived ? ' and is in the archive.' : '; please back up the archive again.'}`,
  alreadyDecommissioned: 'This cash register is decommissioned.',
  decommissionedNotice:
    'This cash register is decommissioned and signs no more receipts. Set up a new one under “Manage the cash register” (settings, F12).',
  notReady: 'No cash register is set up yet.',
  newRegisterText:
    'To keep selling on this PC, it needs a new cash register, with its own Kassen-ID and start receipt, in the same fiskaly organization. The journal and archive of the decommissioned register stay.',
  newRegister: 'Set up a new cash register',
  newRegisterWorking: 'Preparing …',
  leaveDemoTitle: 'Leave the demo',
  leaveDemoText:
    'For real operation with fiskaly: the demo till is put aside and setup starts as on the first start. The demo receipts stay in the journal, marked DEMO.',
  leaveDemo: 'Leave the demo and set up',
};

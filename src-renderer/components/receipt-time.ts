// Receipts show Austrian local time whatever the PC's zone is set to, like the time in the QR.
const RECEIPT_TIME = new Intl.DateTimeFormat('de-AT', {
  timeZone: 'Europe/Vienna',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export function formatReceiptTime(iso: string): string {
  return RECEIPT_TIME.format(new Date(iso));
}

// What a run of the setup file tells, in either shell and for either form of the file (a new register or
// a takeover): progress on stdout, failures on stderr, and at the end the reminder the file holds secrets.

export interface SetupOutput {
  /** Progress and the result (stdout). */
  say(line: string): void;
  /** A failure (stderr). */
  warn(line: string): void;
}

export function deleteFileLine(file: string): string {
  return `Bitte ${file} jetzt löschen: die Datei enthält Zugangsdaten. Die App hat sie verschlüsselt übernommen und braucht die Datei nicht mehr.`;
}

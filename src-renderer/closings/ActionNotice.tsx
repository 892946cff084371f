// What an action on the closing screen came to: done (a status line) or failed (an alert).
export interface Notice {
  text: string;
  bad: boolean;
}

export function ActionNotice({ notice, testId }: { notice: Notice | null; testId?: string }) {
  if (notice === null) return null;
  return (
    <p
      className={notice.bad ? 'notice bad' : 'notice closings-ok'}
      role={notice.bad ? 'alert' : 'status'}
      data-testid={testId}
    >
      {notice.text}
    </p>
  );
}

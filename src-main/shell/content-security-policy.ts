// The renderer's Content-Security-Policy, the same whichever shell serves it (HTTP header here,
// session header in Electron). Scripts only from the app itself, no eval, no remote origin at all.
// Inline styles stay allowed: React and the QR code set style attributes, which cannot run code.
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

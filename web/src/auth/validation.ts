/** The server's own minimum (src/modules/identity/schemas.ts): length is what makes a password hard to guess. */
export const minPasswordLength = 10;

/** A light check that catches typos before a round trip; the server has the final word. */
export function validEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** Mirrors the server's password rule so the form can explain it before submitting. */
export function validPassword(value: string): boolean {
  return value.length >= minPasswordLength && value.length <= 256;
}
